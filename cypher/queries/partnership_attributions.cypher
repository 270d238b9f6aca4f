// Each partnership's ATTRIBUTED credits on deals, newest first, then deal id;
// paged inside the per-partnership subquery (the holder is looked up from the
// partnership, once per row of the page); total only when asked.
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  MATCH (s)-[r:ATTRIBUTED]->(d:Deal)
  WITH s, r, d ORDER BY r.at DESC, d.id
  SKIP $skip LIMIT $limit
  RETURN collect({
    partnershipId: s.id, dealId: d.id,
    partnerId: [(s)<-[:HOLDS]-(p:Partner) | p.id][0],
    role: r.role, share: r.share, at: r.at}) AS items
}
RETURN sid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (s)-[:ATTRIBUTED]->(:Deal) } END AS total,
       items
