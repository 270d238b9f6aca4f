// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Remove one COMPLETED edge; returns its properties, or nothing when absent.
MATCH (a:Contact {id: $contactId})-[r:COMPLETED]->(b:Course {id: $courseId})
WITH r, r {.*} AS props
DELETE r
RETURN props
