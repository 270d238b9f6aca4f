// One page of goals plus the total, for an unrestricted caller (null $scope)
// with no $partnerId: this lists every goal, so it scans the label;
// goal_page_partners serves a scope or a partner (a scoped call that reached
// this file by mistake matches nothing). Filters (null = any): $partnerId,
// $metric. $sort: periodStart | target | createdAt. Total only when asked.
CALL () {
  MATCH (g:Goal)
  WHERE $scope IS NULL
    AND ($partnerId IS NULL OR EXISTS { MATCH (:Partner {id: $partnerId})-[:HAS_GOAL]->(g) })
    AND ($metric IS NULL OR g.metric = $metric)
  WITH g, CASE $sort
      WHEN 'target' THEN g.target
      WHEN 'createdAt' THEN g.createdAt
      ELSE g.periodStart
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           g.id
  SKIP $skip LIMIT $limit
  RETURN collect(g {.*, partnerId: [(g)<-[:HAS_GOAL]-(p:Partner) | p.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (g:Goal)
         WHERE $scope IS NULL
           AND ($partnerId IS NULL
             OR EXISTS { MATCH (:Partner {id: $partnerId})-[:HAS_GOAL]->(g) })
           AND ($metric IS NULL OR g.metric = $metric)
       } END AS total,
       items
