// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Existing Partners for rows given without an id: by sourceSystem + externalId,
// else by normalized domain (the same company from another system).
// $keys: [{i, sourceSystem, externalId, domain}]; several rows per i are possible.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (s:Partner {sourceSystem: coalesce(k.sourceSystem, ''), externalId: coalesce(k.externalId, '')})
OPTIONAL MATCH (d:Partner {domain: coalesce(k.domain, '')})
RETURN k.i AS i, s.id AS bySource, d.id AS byDomain
