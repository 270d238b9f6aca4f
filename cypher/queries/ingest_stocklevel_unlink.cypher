// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Remove one STOCKS edge; returns its properties, or nothing when absent.
MATCH (a:Partner {id: $partnerId})-[r:STOCKS]->(b:Product {id: $productId})
WITH r, r {.*} AS props
DELETE r
RETURN props
