// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Campaign nodes in id order (keyset paging from $after),
// with every stored property, for graph-api export.
MATCH (n:Campaign)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, properties(n) AS props
