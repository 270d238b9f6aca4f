// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Order: its properties (node),
// and the partners concerned (partnerIds).
MATCH (n:Order {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:PLACED]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds
