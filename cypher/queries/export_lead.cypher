// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Lead nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (partnershipId, convertedDealId, customerId, campaignId), for graph-api export.
MATCH (n:Lead)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[:REFERRED_BY]->(r0:Partnership)
WITH n, head(collect(r0.id)) AS partnershipId
OPTIONAL MATCH (n)-[:CONVERTED_TO]->(r1:Deal)
WITH n, partnershipId, head(collect(r1.id)) AS convertedDealId
OPTIONAL MATCH (n)-[:FOR]->(r2:Customer)
WITH n, partnershipId, convertedDealId, head(collect(r2.id)) AS customerId
OPTIONAL MATCH (n)-[:SOURCED_FROM]->(r3:Campaign)
WITH n, partnershipId, convertedDealId, customerId, head(collect(r3.id)) AS campaignId
RETURN n.id AS id, properties(n) AS props, partnershipId, convertedDealId, customerId, campaignId
