// Customers each partner SERVES, one page per partner, sorted by name, then id,
// each with SERVES.since; paged inside the per-partner subquery; total only when asked.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  MATCH (p)-[sv:SERVES]->(c:Customer)
  WITH c, sv ORDER BY c.name, c.id
  SKIP $skip LIMIT $limit
  RETURN collect(c {.*, servedSince: sv.since}) AS items
}
RETURN pid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (p)-[:SERVES]->(:Customer) } END AS total,
       items
