// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Delete one Requirement and its relationships.
MATCH (n:Requirement {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
