// Sharing consents each partner received (incoming SHARES_WITH), sorted by the giver's id.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (o:Partner)-[r:SHARES_WITH]->(p)
  WITH p, r, o ORDER BY o.id
  RETURN collect(CASE WHEN r IS NULL THEN null
    ELSE {partnerId: o.id, withPartnerId: p.id, level: r.level} END) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
