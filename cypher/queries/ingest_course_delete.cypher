// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Delete one Course with the nodes it owns (Requirement nodes over OF_COURSE), and their relationships.
MATCH (n:Course {id: $id})
OPTIONAL MATCH (n)<-[:OF_COURSE]-(o:Requirement)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
