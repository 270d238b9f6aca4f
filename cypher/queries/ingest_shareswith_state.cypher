// Current SHARES_WITH edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnerId, withPartnerId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: coalesce(k.partnerId, '')})
OPTIONAL MATCH (b:Partner {id: coalesce(k.withPartnerId, '')})
OPTIONAL MATCH (:Partner {id: coalesce(k.partnerId, '')})-[r:SHARES_WITH]->(:Partner {id: coalesce(k.withPartnerId, '')})
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id, b.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
