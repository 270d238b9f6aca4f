// Current RESELLS_FOR edges for an upsert batch, whether both ends exist, and whether the new edge would close a cycle (the distributor already resells for the partner).
// $keys: [{i, partnerId, distributorId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: coalesce(k.partnerId, '')})
OPTIONAL MATCH (b:Partner {id: coalesce(k.distributorId, '')})
OPTIONAL MATCH (:Partner {id: coalesce(k.partnerId, '')})-[r:RESELLS_FOR]->(:Partner {id: coalesce(k.distributorId, '')})
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id, b.id] WHERE x IS NOT NULL] AS partnerIds,
       CASE WHEN a IS NULL OR b IS NULL THEN false
       ELSE EXISTS { MATCH (b)-[:RESELLS_FOR*1..]->(a) } END AS extra
