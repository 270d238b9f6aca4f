// One page of goals plus the total. Filters: $partnerId, $metric.
// $sort: periodStart | target | createdAt.
CALL () {
  MATCH (g:Goal)
  WHERE ($scope IS NULL OR EXISTS { MATCH (gp:Partner)-[:HAS_GOAL]->(g) WHERE gp.id IN $scope })
    AND ($partnerId IS NULL OR EXISTS { MATCH (:Partner {id: $partnerId})-[:HAS_GOAL]->(g) })
    AND ($metric IS NULL OR g.metric = $metric)
  RETURN count(g) AS total
}
CALL () {
  MATCH (g:Goal)
  WHERE ($scope IS NULL OR EXISTS { MATCH (gp:Partner)-[:HAS_GOAL]->(g) WHERE gp.id IN $scope })
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
  RETURN collect(g {.*, partnerId: [(p:Partner)-[:HAS_GOAL]->(g) | p.id][0]}) AS items
}
RETURN total, items
