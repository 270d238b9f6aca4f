// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update COMPLETED edges; props holds only the changed properties.
// $rows: [{contactId, courseId, props}]
UNWIND $rows AS row
MATCH (a:Contact {id: row.contactId})
MATCH (b:Course {id: row.courseId})
MERGE (a)-[r:COMPLETED]->(b)
SET r += row.props
RETURN count(r) AS written
