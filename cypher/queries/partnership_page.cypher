// One page of partnerships plus the total. Filters: $status, $programId,
// $partnerId (null = any). $sort: startDate | createdAt | status.
CALL () {
  MATCH (s:Partnership)
  WHERE ($scope IS NULL OR EXISTS { MATCH (sp:Partner)-[:HOLDS]->(s) WHERE sp.id IN $scope })
    AND ($status IS NULL OR s.status = $status)
    AND ($programId IS NULL OR EXISTS { MATCH (s)-[:IN_PROGRAM]->(:Program {id: $programId}) })
    AND ($partnerId IS NULL OR EXISTS { MATCH (:Partner {id: $partnerId})-[:HOLDS]->(s) })
  RETURN count(s) AS total
}
CALL () {
  MATCH (s:Partnership)
  WHERE ($scope IS NULL OR EXISTS { MATCH (sp:Partner)-[:HOLDS]->(s) WHERE sp.id IN $scope })
    AND ($status IS NULL OR s.status = $status)
    AND ($programId IS NULL OR EXISTS { MATCH (s)-[:IN_PROGRAM]->(:Program {id: $programId}) })
    AND ($partnerId IS NULL OR EXISTS { MATCH (:Partner {id: $partnerId})-[:HOLDS]->(s) })
  WITH s, CASE $sort
      WHEN 'createdAt' THEN s.createdAt
      WHEN 'status' THEN s.status
      ELSE s.startDate
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           s.id
  SKIP $skip LIMIT $limit
  RETURN collect(s {.*,
    partnerId: [(p:Partner)-[:HOLDS]->(s) | p.id][0],
    programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]}) AS items
}
RETURN total, items
