// Export: one page of Deal nodes in id order (keyset paging from $after), with
// every stored property and the ids its relationships point at, for graph-api export.
MATCH (n:Deal)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[:FOR]->(c:Customer)
WITH n, head(collect(c.id)) AS customerId
OPTIONAL MATCH (n)-[:SOURCED_FROM]->(m:Campaign)
WITH n, customerId, head(collect(m.id)) AS campaignId
RETURN n.id AS id, properties(n) AS props, customerId, campaignId
