// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update WORKS_FOR edges; props holds only the changed properties.
// $rows: [{contactId, partnerId, props}]
UNWIND $rows AS row
MATCH (a:Contact {id: row.contactId})
MATCH (b:Partner {id: row.partnerId})
MERGE (a)-[r:WORKS_FOR]->(b)
SET r += row.props
RETURN count(r) AS written
