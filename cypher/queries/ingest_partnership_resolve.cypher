// Existing Partnerships for rows given without an id, by sourceSystem + externalId.
// $keys: [{i, sourceSystem, externalId}]
UNWIND $keys AS k
OPTIONAL MATCH (s:Partnership {sourceSystem: k.sourceSystem, externalId: k.externalId})
RETURN k.i AS i, s.id AS bySource, null AS byDomain
