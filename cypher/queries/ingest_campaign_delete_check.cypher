// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Campaign: its properties (node),
// how many lead(s) or deal(s) sourced from it block a plain delete (blocking),
// and the partners concerned (partnerIds).
MATCH (n:Campaign {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:SOURCED_FROM]-(d) RETURN count(DISTINCT d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:RUNS]-(:Partnership)<-[:HOLDS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking, [] AS owned, partnerIds
