// Each partner's partnerships (HOLDS), one page per partner, for a DataLoader.
// A visible partner's partnerships are visible. Sorted by start date, then id;
// paged inside the per-partner subquery; total only when asked.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  MATCH (p)-[:HOLDS]->(s:Partnership)
  WITH p, s ORDER BY s.startDate, s.id
  SKIP $skip LIMIT $limit
  RETURN collect(s {.*, partnerId: p.id,
    programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]}) AS items
}
RETURN pid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (p)-[:HOLDS]->(:Partnership) } END AS total,
       items
