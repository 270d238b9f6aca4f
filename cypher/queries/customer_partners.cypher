// Partners that SERVE each customer, within $scope, sorted by name, then id,
// each with SERVES.since; paged inside the per-customer subquery; total only when asked.
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  MATCH (c)<-[sv:SERVES]-(p:Partner)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH p, sv ORDER BY p.name, p.id
  SKIP $skip LIMIT $limit
  RETURN collect(p {.*, distributorId: [(p)-[:RESELLS_FOR]->(up:Partner) | up.id][0],
                    servedSince: sv.since}) AS items
}
RETURN cid AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (c)<-[:SERVES]-(p:Partner) WHERE $scope IS NULL OR p.id IN $scope
       } END AS total,
       items
