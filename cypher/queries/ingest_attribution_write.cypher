// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update ATTRIBUTED edges; props holds only the changed properties.
// $rows: [{partnershipId, dealId, props}]
UNWIND $rows AS row
MATCH (a:Partnership {id: row.partnershipId})
MATCH (b:Deal {id: row.dealId})
MERGE (a)-[r:ATTRIBUTED]->(b)
SET r += row.props
RETURN count(r) AS written
