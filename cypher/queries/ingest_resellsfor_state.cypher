// Current RESELLS_FOR edges for an upsert batch, whether both ends exist, and whether the new edge would close a cycle (the distributor already resells for the partner).
// $keys: [{i, partnerId, distributorId}]
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: k.partnerId})
OPTIONAL MATCH (b:Partner {id: k.distributorId})
OPTIONAL MATCH (a)-[r:RESELLS_FOR]->(b)
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id, b.id] WHERE x IS NOT NULL] AS partnerIds,
       CASE WHEN a IS NULL OR b IS NULL THEN false
       ELSE EXISTS { MATCH (b)-[:RESELLS_FOR*1..]->(a) } END AS extra
