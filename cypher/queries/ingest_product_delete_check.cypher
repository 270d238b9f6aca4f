// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Product: its properties (node),
// how many order(s), stock level(s) or warranty claim(s) naming it block a plain delete (blocking),
// and the partners concerned (partnerIds).
MATCH (n:Product {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:INCLUDES|STOCKS|FOR_PRODUCT]-(d) RETURN count(DISTINCT d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:STOCKS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking, [] AS owned, partnerIds
