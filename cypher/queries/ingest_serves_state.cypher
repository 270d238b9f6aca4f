// Current SERVES edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnerId, customerId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: k.partnerId})
OPTIONAL MATCH (b:Customer {id: k.customerId})
OPTIONAL MATCH (:Partner {id: k.partnerId})-[r:SERVES]->(:Customer {id: k.customerId})
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
