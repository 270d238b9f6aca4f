// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update SERVES edges; props holds only the changed properties.
// $rows: [{partnerId, customerId, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.partnerId})
MATCH (b:Customer {id: row.customerId})
MERGE (a)-[r:SERVES]->(b)
SET r += row.props
RETURN count(r) AS written
