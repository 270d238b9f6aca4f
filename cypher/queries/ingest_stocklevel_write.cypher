// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update STOCKS edges; props holds only the changed properties.
// $rows: [{partnerId, productId, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.partnerId})
MATCH (b:Product {id: row.productId})
MERGE (a)-[r:STOCKS]->(b)
SET r += row.props
RETURN count(r) AS written
