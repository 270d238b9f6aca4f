// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Delete one Campaign and its relationships.
MATCH (n:Campaign {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
