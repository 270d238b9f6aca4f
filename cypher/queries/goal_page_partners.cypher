// One page of goals plus the total, for a partner's scope or a $partnerId:
// starts from $partnerId, else from the scope's partners (an index seek each),
// and walks to their goals, instead of scanning every goal and testing the
// scope on each. With both, the goal's partner must also be in scope. Filters
// and $sort as in goal_page; total only when asked ($withTotal).
WITH CASE WHEN $partnerId IS NULL THEN $scope ELSE [$partnerId] END AS anchors
CALL (anchors) {
  UNWIND anchors AS aid
  MATCH (:Partner {id: aid})-[:HAS_GOAL]->(g:Goal)
  WITH DISTINCT g
  WHERE ($partnerId IS NULL OR $scope IS NULL
     OR EXISTS { MATCH (g)<-[:HAS_GOAL]-(gp:Partner) WHERE gp.id IN $scope })
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
         UNWIND anchors AS aid
         MATCH (:Partner {id: aid})-[:HAS_GOAL]->(g:Goal)
         WITH DISTINCT g
         WHERE ($partnerId IS NULL OR $scope IS NULL
             OR EXISTS { MATCH (g)<-[:HAS_GOAL]-(gp:Partner) WHERE gp.id IN $scope })
           AND ($metric IS NULL OR g.metric = $metric)
         RETURN g
       } END AS total,
       items
