// Partnerships IN_PROGRAM for each program, only those of partners in $scope.
UNWIND $ids AS gid
MATCH (g:Program {id: gid})
CALL (g) {
  OPTIONAL MATCH (p:Partner)-[:HOLDS]->(s:Partnership)-[:IN_PROGRAM]->(g)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH g, p, s ORDER BY s.startDate, s.id
  RETURN collect(s {.*, partnerId: p.id, programId: g.id}) AS found
}
RETURN gid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
