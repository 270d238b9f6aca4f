// Each partner's goals (HAS_GOAL), sorted by period start, then id; paged
// inside the per-partner subquery; total only when asked.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  MATCH (p)-[:HAS_GOAL]->(g:Goal)
  WITH p, g ORDER BY g.periodStart, g.id
  SKIP $skip LIMIT $limit
  RETURN collect(g {.*, partnerId: p.id}) AS items
}
RETURN pid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (p)-[:HAS_GOAL]->(:Goal) } END AS total,
       items
