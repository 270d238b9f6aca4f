// Partners that RESELL_FOR each distributor (one level down), within $scope.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (r:Partner)-[:RESELLS_FOR]->(p)
  WHERE $scope IS NULL OR r.id IN $scope
  WITH p, r ORDER BY r.name, r.id
  RETURN collect(r {.*, distributorId: p.id}) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
