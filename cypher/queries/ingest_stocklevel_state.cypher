// Current STOCKS edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnerId, productId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: coalesce(k.partnerId, '')})
OPTIONAL MATCH (b:Product {id: coalesce(k.productId, '')})
OPTIONAL MATCH (:Partner {id: coalesce(k.partnerId, '')})-[r:STOCKS]->(:Product {id: coalesce(k.productId, '')})
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
