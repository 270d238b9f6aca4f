// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Deal nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (customerId, campaignId), for graph-api export.
MATCH (n:Deal)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[:FOR]->(r0:Customer)
WITH n, head(collect(r0.id)) AS customerId
OPTIONAL MATCH (n)-[:SOURCED_FROM]->(r1:Campaign)
WITH n, customerId, head(collect(r1.id)) AS campaignId
RETURN n.id AS id, properties(n) AS props, customerId, campaignId
