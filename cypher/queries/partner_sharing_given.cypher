// Sharing consents each partner gave (outgoing SHARES_WITH), sorted by the other partner's id.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (p)-[r:SHARES_WITH]->(o:Partner)
  WITH p, r, o ORDER BY o.id
  RETURN collect(CASE WHEN r IS NULL THEN null
    ELSE {partnerId: p.id, withPartnerId: o.id, level: r.level} END) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
