// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a WarrantyClaim: its properties (node),
// and the partners concerned (partnerIds).
MATCH (n:WarrantyClaim {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:FILED]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds
