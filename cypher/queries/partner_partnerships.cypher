// Each partner's partnerships (HOLDS), one page per partner, for a DataLoader.
// A visible partner's partnerships are visible. Sorted by start date, then id.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(s:Partnership)
  WITH p, s ORDER BY s.startDate, s.id
  RETURN collect(s {.*, partnerId: p.id,
    programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]}) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
