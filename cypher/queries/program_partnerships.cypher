// Partnerships IN_PROGRAM for each program, only those of partners in $scope,
// sorted by start date, then id. Anchored at the program; paged inside the
// per-program subquery; total only when asked.
UNWIND $ids AS gid
MATCH (g:Program {id: gid})
CALL (g) {
  MATCH (g)<-[:IN_PROGRAM]-(s:Partnership)<-[:HOLDS]-(p:Partner)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH g, p, s ORDER BY s.startDate, s.id
  SKIP $skip LIMIT $limit
  RETURN collect(s {.*, partnerId: p.id, programId: g.id}) AS items
}
RETURN gid AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (g)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(p:Partner)
         WHERE $scope IS NULL OR p.id IN $scope
       } END AS total,
       items
