// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Remove one RESELLS_FOR edge; returns its properties, or nothing when absent.
MATCH (a:Partner {id: $partnerId})-[r:RESELLS_FOR]->(b:Partner {id: $distributorId})
WITH r, r {.*} AS props
DELETE r
RETURN props
