// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Delete one Program with the nodes it owns (Partnership nodes over IN_PROGRAM), and their relationships.
MATCH (n:Program {id: $id})
OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(o:Partnership)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
