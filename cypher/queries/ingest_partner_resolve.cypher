// Existing Partners for rows given without an id: by sourceSystem + externalId,
// else by normalized domain (the same company from another system).
// $keys: [{i, sourceSystem, externalId, domain}]; several rows per i are possible.
UNWIND $keys AS k
OPTIONAL MATCH (s:Partner {sourceSystem: k.sourceSystem, externalId: k.externalId})
OPTIONAL MATCH (d:Partner {domain: k.domain})
RETURN k.i AS i, s.id AS bySource, d.id AS byDomain
