// graph-api bench, entity suite, reference for shape "partnerById": one
// partner by id with its first $partnerships partnerships (by start date, then
// id) and each one's program.
MATCH (p:Partner {id: $partnerId})
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(s:Partnership)
  WITH s ORDER BY s.startDate, s.id LIMIT $partnerships
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {
    id: s.id, status: toUpper(s.status),
    program: [(s)-[:IN_PROGRAM]->(g:Program) | {id: g.id, name: g.name}][0]
  } END) AS held
}
RETURN {
  id: p.id, name: p.name, tier: toUpper(p.tier), region: p.region,
  partnerships: {nodes: held}
} AS partner
