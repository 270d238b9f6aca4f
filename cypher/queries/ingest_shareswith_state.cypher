// Current SHARES_WITH edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnerId, withPartnerId}]
UNWIND $keys AS k
OPTIONAL MATCH (a:Partner {id: k.partnerId})
OPTIONAL MATCH (b:Partner {id: k.withPartnerId})
OPTIONAL MATCH (a)-[r:SHARES_WITH]->(b)
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [a.id, b.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
