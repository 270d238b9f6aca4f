// Credits (ATTRIBUTED) on each deal, only from partnerships of in-scope
// partners; largest share first, then partnership id. The pattern starts at
// the deal (starting at the Partner label scans partners for every deal);
// paged inside the per-deal subquery; total only when asked.
UNWIND $ids AS did
MATCH (d:Deal {id: did})
CALL (d) {
  MATCH (d)<-[r:ATTRIBUTED]-(s:Partnership)<-[:HOLDS]-(p:Partner)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH d, p, s, r ORDER BY r.share DESC, s.id
  SKIP $skip LIMIT $limit
  RETURN collect({
    partnershipId: s.id, dealId: d.id, partnerId: p.id,
    role: r.role, share: r.share, at: r.at}) AS items
}
RETURN did AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(p:Partner)
         WHERE $scope IS NULL OR p.id IN $scope
       } END AS total,
       items
