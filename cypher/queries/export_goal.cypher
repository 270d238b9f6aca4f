// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Goal nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (partnerId), for graph-api export.
MATCH (n:Goal)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)<-[:HAS_GOAL]-(r0:Partner)
WITH n, head(collect(r0.id)) AS partnerId
RETURN n.id AS id, properties(n) AS props, partnerId
