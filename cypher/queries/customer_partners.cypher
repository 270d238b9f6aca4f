// Partners that SERVE each customer, within $scope, sorted by name.
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  OPTIONAL MATCH (p:Partner)-[:SERVES]->(c)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH p ORDER BY p.name, p.id
  RETURN collect(p {.*, distributorId: [(p)-[:RESELLS_FOR]->(up:Partner) | up.id][0]}) AS found
}
RETURN cid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
