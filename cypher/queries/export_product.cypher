// Export: one page of Product nodes in id order (keyset paging from $after), with
// every stored property and the ids its relationships point at, for graph-api export.
MATCH (n:Product)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS props
