// Partners that SERVE each customer, within $scope, sorted by name, each with SERVES.since.
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  OPTIONAL MATCH (p:Partner)-[s:SERVES]->(c)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH p, s ORDER BY p.name, p.id
  RETURN collect(p {.*, distributorId: [(p)-[:RESELLS_FOR]->(up:Partner) | up.id][0],
                    servedSince: s.since}) AS found
}
RETURN cid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
