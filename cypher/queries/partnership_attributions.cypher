// Each partnership's ATTRIBUTED credits on deals, newest first.
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  OPTIONAL MATCH (s)-[r:ATTRIBUTED]->(d:Deal)
  WITH s, r, d ORDER BY r.at DESC, d.id
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    partnershipId: s.id, dealId: d.id,
    partnerId: [(p:Partner)-[:HOLDS]->(s) | p.id][0],
    role: r.role, share: r.share, at: r.at} END) AS found
}
RETURN sid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
