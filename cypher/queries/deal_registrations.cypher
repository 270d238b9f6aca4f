// Registrations (REGISTERED) of each deal, only by partnerships of in-scope
// partners; newest first, then partnership id. Anchored at the deal, paged
// inside the per-deal subquery; total only when asked.
UNWIND $ids AS did
MATCH (d:Deal {id: did})
CALL (d) {
  MATCH (d)<-[r:REGISTERED]-(s:Partnership)<-[:HOLDS]-(p:Partner)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH d, p, s, r ORDER BY r.at DESC, s.id
  SKIP $skip LIMIT $limit
  RETURN collect({
    partnershipId: s.id, dealId: d.id, partnerId: p.id,
    at: r.at, status: r.status, expiresAt: r.expiresAt}) AS items
}
RETURN did AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (d)<-[:REGISTERED]-(:Partnership)<-[:HOLDS]-(p:Partner)
         WHERE $scope IS NULL OR p.id IN $scope
       } END AS total,
       items
