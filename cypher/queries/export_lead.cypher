// Export: one page of Lead nodes in id order (keyset paging from $after), with
// every stored property and the ids its relationships point at, for graph-api export.
MATCH (n:Lead)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[:REFERRED_BY]->(ps:Partnership)
WITH n, head(collect(ps.id)) AS partnershipId
OPTIONAL MATCH (n)-[:CONVERTED_TO]->(d:Deal)
WITH n, partnershipId, head(collect(d.id)) AS convertedDealId
OPTIONAL MATCH (n)-[:FOR]->(c:Customer)
WITH n, partnershipId, convertedDealId, head(collect(c.id)) AS customerId
OPTIONAL MATCH (n)-[:SOURCED_FROM]->(m:Campaign)
WITH n, partnershipId, convertedDealId, customerId, head(collect(m.id)) AS campaignId
RETURN n.id AS id, properties(n) AS props, partnershipId, convertedDealId, customerId, campaignId
