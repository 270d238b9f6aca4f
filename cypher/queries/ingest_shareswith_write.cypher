// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update SHARES_WITH edges; props holds only the changed properties.
// $rows: [{partnerId, withPartnerId, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.partnerId})
MATCH (b:Partner {id: row.withPartnerId})
MERGE (a)-[r:SHARES_WITH]->(b)
SET r += row.props
RETURN count(r) AS written
