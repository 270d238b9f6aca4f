// One page of partnerships plus the total, for an unrestricted caller (null
// $scope) with no $partnerId: this lists every partnership, so it scans the
// label; partnership_page_partners serves a scope or a partner (a scoped call
// that reached this file by mistake matches nothing). Filters (null = any):
// $status, $programId, $partnerId. $sort: startDate | createdAt | status.
// Total only when asked ($withTotal).
CALL () {
  MATCH (s:Partnership)
  WHERE $scope IS NULL
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
    partnerId: [(s)<-[:HOLDS]-(p:Partner) | p.id][0],
    programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (s:Partnership)
         WHERE $scope IS NULL
           AND ($status IS NULL OR s.status = $status)
           AND ($programId IS NULL
             OR EXISTS { MATCH (s)-[:IN_PROGRAM]->(:Program {id: $programId}) })
           AND ($partnerId IS NULL OR EXISTS { MATCH (:Partner {id: $partnerId})-[:HOLDS]->(s) })
       } END AS total,
       items
