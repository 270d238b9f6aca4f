// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Existing Campaigns for rows given without an id, by sourceSystem + externalId.
// $keys: [{i, sourceSystem, externalId}].
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (s:Campaign {sourceSystem: coalesce(k.sourceSystem, ''), externalId: coalesce(k.externalId, '')})
RETURN k.i AS i, s.id AS bySource, null AS byDomain
