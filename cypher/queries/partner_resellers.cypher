// Partners that RESELL_FOR each distributor (one level down), within $scope,
// sorted by name, then id; paged inside the per-partner subquery; total only when asked.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  MATCH (p)<-[:RESELLS_FOR]-(r:Partner)
  WHERE $scope IS NULL OR r.id IN $scope
  WITH p, r ORDER BY r.name, r.id
  SKIP $skip LIMIT $limit
  RETURN collect(r {.*, distributorId: p.id}) AS items
}
RETURN pid AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (p)<-[:RESELLS_FOR]-(r:Partner) WHERE $scope IS NULL OR r.id IN $scope
       } END AS total,
       items
