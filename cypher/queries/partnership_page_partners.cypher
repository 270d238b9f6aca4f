// One page of partnerships plus the total, for a partner's scope or a
// $partnerId: starts from $partnerId, else from the scope's partners (an index
// seek each), and walks to the partnerships they hold, instead of scanning
// every partnership and testing the scope on each. With both, the holder must
// also be in scope. Filters and $sort as in partnership_page; total only when
// asked ($withTotal).
WITH CASE WHEN $partnerId IS NULL THEN $scope ELSE [$partnerId] END AS anchors
CALL (anchors) {
  UNWIND anchors AS aid
  MATCH (:Partner {id: aid})-[:HOLDS]->(s:Partnership)
  WITH DISTINCT s
  WHERE ($partnerId IS NULL OR $scope IS NULL
     OR EXISTS { MATCH (s)<-[:HOLDS]-(sp:Partner) WHERE sp.id IN $scope })
    AND ($status IS NULL OR s.status = $status)
    AND ($programId IS NULL OR EXISTS { MATCH (s)-[:IN_PROGRAM]->(:Program {id: $programId}) })
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
    partnerId: [(s)<-[:HOLDS]-(p:Partner) | p.id][0],
    programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         UNWIND anchors AS aid
         MATCH (:Partner {id: aid})-[:HOLDS]->(s:Partnership)
         WITH DISTINCT s
         WHERE ($partnerId IS NULL OR $scope IS NULL
             OR EXISTS { MATCH (s)<-[:HOLDS]-(sp:Partner) WHERE sp.id IN $scope })
           AND ($status IS NULL OR s.status = $status)
           AND ($programId IS NULL
             OR EXISTS { MATCH (s)-[:IN_PROGRAM]->(:Program {id: $programId}) })
         RETURN s
       } END AS total,
       items
