// Sharing consents each partner received (incoming SHARES_WITH), sorted by the
// giver's id; paged inside the per-partner subquery; total only when asked.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  MATCH (p)<-[r:SHARES_WITH]-(o:Partner)
  WITH p, r, o ORDER BY o.id
  SKIP $skip LIMIT $limit
  RETURN collect({partnerId: o.id, withPartnerId: p.id, level: r.level}) AS items
}
RETURN pid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (p)<-[:SHARES_WITH]-(:Partner) } END AS total,
       items
