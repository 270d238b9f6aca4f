// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update INCLUDES edges; props holds only the changed properties.
// $rows: [{orderId, productId, props}]
UNWIND $rows AS row
MATCH (a:Order {id: row.orderId})
MATCH (b:Product {id: row.productId})
MERGE (a)-[r:INCLUDES]->(b)
SET r += row.props
RETURN count(r) AS written
