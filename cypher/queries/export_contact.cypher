// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Contact nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (customerId), for graph-api export.
MATCH (n:Contact)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[:WORKS_AT]->(r0:Customer)
WITH n, head(collect(r0.id)) AS customerId
RETURN n.id AS id, properties(n) AS props, customerId
