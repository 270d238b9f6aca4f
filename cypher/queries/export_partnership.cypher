// Export: one page of Partnership nodes in id order (keyset paging from $after), with
// every stored property and the ids its relationships point at, for graph-api export.
MATCH (n:Partnership)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (p:Partner)-[:HOLDS]->(n)
WITH n, head(collect(p.id)) AS partnerId
OPTIONAL MATCH (n)-[:IN_PROGRAM]->(g:Program)
WITH n, partnerId, head(collect(g.id)) AS programId
RETURN n.id AS id, properties(n) AS props, partnerId, programId
