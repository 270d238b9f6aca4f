// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Partnership: its properties (node),
// how many deal(s) credited to it block a plain delete (blocking),
// and the partners concerned (partnerIds).
MATCH (n:Partnership {id: $id})
CALL (n) { OPTIONAL MATCH (n)-[:ATTRIBUTED]->(d:Deal) RETURN count(DISTINCT d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:HOLDS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking, [] AS owned, partnerIds
