// Export: one page of Campaign nodes in id order (keyset paging from $after), with
// every stored property, for graph-api export.
MATCH (n:Campaign)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS props
