// Registrations (REGISTERED) of each deal, only by partnerships of in-scope
// partners; newest first.
UNWIND $ids AS did
MATCH (d:Deal {id: did})
CALL (d) {
  OPTIONAL MATCH (p:Partner)-[:HOLDS]->(s:Partnership)-[r:REGISTERED]->(d)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH d, p, s, r ORDER BY r.at DESC, s.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    partnershipId: s.id, dealId: d.id, partnerId: p.id,
    at: r.at, status: r.status, expiresAt: r.expiresAt} END) AS found
}
RETURN did AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
