// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of WarrantyClaim nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (partnerId, productId, customerId), for graph-api export.
MATCH (n:WarrantyClaim)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)<-[:FILED]-(r0:Partner)
WITH n, head(collect(r0.id)) AS partnerId
OPTIONAL MATCH (n)-[:FOR_PRODUCT]->(r1:Product)
WITH n, partnerId, head(collect(r1.id)) AS productId
OPTIONAL MATCH (n)-[:AT_CUSTOMER]->(r2:Customer)
WITH n, partnerId, productId, head(collect(r2.id)) AS customerId
RETURN n.id AS id, properties(n) AS props, partnerId, productId, customerId
