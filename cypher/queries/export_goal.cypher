// Export: one page of Goal nodes in id order (keyset paging from $after), with
// every stored property and the ids its relationships point at, for graph-api export.
MATCH (n:Goal)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (p:Partner)-[:HAS_GOAL]->(n)
WITH n, head(collect(p.id)) AS partnerId
RETURN n.id AS id, properties(n) AS props, partnerId
