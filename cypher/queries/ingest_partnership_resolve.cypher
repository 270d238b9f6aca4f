// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Existing Partnerships for rows given without an id: by sourceSystem + externalId,
// else (rows without a source key) the one linking partnerId and programId.
// The second match comes back as byDomain, the engine's column for a natural-key match.
// $keys: [{i, sourceSystem, externalId, partnerId, programId}]; several rows per i are possible.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (s:Partnership {sourceSystem: coalesce(k.sourceSystem, ''), externalId: coalesce(k.externalId, '')})
OPTIONAL MATCH (:Partner {id: coalesce(k.partnerId, '')})-[:HOLDS]->(m:Partnership)-[:IN_PROGRAM]->(:Program {id: coalesce(k.programId, '')})
RETURN k.i AS i, s.id AS bySource, m.id AS byDomain
