// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Delete one Partner with the nodes it owns (Partnership nodes over HOLDS, Goal nodes over HAS_GOAL), and their relationships.
MATCH (n:Partner {id: $id})
OPTIONAL MATCH (n)-[:HOLDS|HAS_GOAL]->(o)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
