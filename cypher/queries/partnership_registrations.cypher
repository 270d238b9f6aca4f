// Each partnership's deal registrations (REGISTERED), newest first, then deal
// id; paged inside the per-partnership subquery; total only when asked.
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  MATCH (s)-[r:REGISTERED]->(d:Deal)
  WITH s, r, d ORDER BY r.at DESC, d.id
  SKIP $skip LIMIT $limit
  RETURN collect({
    partnershipId: s.id, dealId: d.id,
    partnerId: [(s)<-[:HOLDS]-(p:Partner) | p.id][0],
    at: r.at, status: r.status, expiresAt: r.expiresAt}) AS items
}
RETURN sid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (s)-[:REGISTERED]->(:Deal) } END AS total,
       items
