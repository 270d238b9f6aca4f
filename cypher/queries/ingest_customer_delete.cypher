// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Delete one Customer with the nodes it owns (Contact nodes over WORKS_AT), and their relationships.
MATCH (n:Customer {id: $id})
OPTIONAL MATCH (n)<-[:WORKS_AT]-(o:Contact)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
