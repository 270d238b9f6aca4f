// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update Campaigns; props holds only the changed properties.
// $rows: [{id, props}]
UNWIND $rows AS row
MERGE (n:Campaign {id: row.id})
SET n += row.props
RETURN count(n) AS written
