// Customers each partner SERVES, one page per partner, sorted by name.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (p)-[:SERVES]->(c:Customer)
  WITH c ORDER BY c.name, c.id
  RETURN collect(c {.*}) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
