// Each partner's goals (HAS_GOAL), sorted by period start.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_GOAL]->(g:Goal)
  WITH p, g ORDER BY g.periodStart, g.id
  RETURN collect(g {.*, partnerId: p.id}) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
