// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Requirement: its properties (node),
// and the partners concerned (partnerIds: none).
MATCH (n:Requirement {id: $id})
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, [] AS partnerIds
