// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update RESELLS_FOR edges; props holds only the changed properties.
// $rows: [{partnerId, distributorId, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.partnerId})
MATCH (b:Partner {id: row.distributorId})
MERGE (a)-[r:RESELLS_FOR]->(b)
SET r += row.props
RETURN count(r) AS written
