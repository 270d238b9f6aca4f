// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Remove one RUNS edge; returns its properties, or nothing when absent.
MATCH (a:Partnership {id: $partnershipId})-[r:RUNS]->(b:Campaign {id: $campaignId})
WITH r, r {.*} AS props
DELETE r
RETURN props
