// Current SERVES edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnerId, customerId}]
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: k.partnerId})
OPTIONAL MATCH (b:Customer {id: k.customerId})
OPTIONAL MATCH (a)-[r:SERVES]->(b)
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
