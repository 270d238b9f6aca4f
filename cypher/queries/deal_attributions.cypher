// Credits (ATTRIBUTED) on each deal, only from partnerships of in-scope
// partners; largest share first.
UNWIND $ids AS did
MATCH (d:Deal {id: did})
CALL (d) {
  OPTIONAL MATCH (p:Partner)-[:HOLDS]->(s:Partnership)-[r:ATTRIBUTED]->(d)
  WHERE $scope IS NULL OR p.id IN $scope
  WITH d, p, s, r ORDER BY r.share DESC, s.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    partnershipId: s.id, dealId: d.id, partnerId: p.id,
    role: r.role, share: r.share, at: r.at} END) AS found
}
RETURN did AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
