// Customers each partner SERVES, one page per partner, sorted by name, each with SERVES.since.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (p)-[s:SERVES]->(c:Customer)
  WITH c, s ORDER BY c.name, c.id
  RETURN collect(c {.*, servedSince: s.since}) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
