// Current REGISTERED edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnershipId, dealId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// Each pattern starts at its indexed end, so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Partnership {id: coalesce(k.partnershipId, '')})
OPTIONAL MATCH (b:Deal {id: coalesce(k.dealId, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})-[r:REGISTERED]->(:Deal {id: coalesce(k.dealId, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})<-[:HOLDS]-(p:Partner)
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [p.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
