// challenges: the challenges ($ids, or all when null), latest period first, each
// with the partners that reached it (partner id, when, value then).
MATCH (c:Challenge)
WHERE $ids IS NULL OR c.id IN $ids
OPTIONAL MATCH (p:Partner)-[a:ACHIEVED]->(c)
WITH c, p, a ORDER BY p.id
WITH c, collect(CASE WHEN p IS NULL THEN null ELSE {partnerId: p.id, at: a.at, value: a.value} END) AS reached
ORDER BY c.periodStart DESC, c.id
LIMIT $limit
RETURN c {.*} AS challenge, reached
