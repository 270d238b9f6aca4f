// graph-api bench, entity suite, reference for shape "partnerships": the first
// $first partners by name, each with its first $partnerships partnerships
// (by start date, then id) and each partnership's program.
MATCH (p:Partner)
WITH p ORDER BY p.name, p.id LIMIT $first
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(s:Partnership)
  WITH s ORDER BY s.startDate, s.id LIMIT $partnerships
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {
    id: s.id, status: toUpper(s.status),
    program: [(s)-[:IN_PROGRAM]->(g:Program) | {id: g.id, name: g.name}][0]
  } END) AS held
}
RETURN {nodes: collect({id: p.id, name: p.name, partnerships: {nodes: held}})} AS partners
