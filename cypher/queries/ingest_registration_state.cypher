// Current REGISTERED edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnershipId, dealId}]
UNWIND $keys AS k
OPTIONAL MATCH (a:Partnership {id: k.partnershipId})
OPTIONAL MATCH (b:Deal {id: k.dealId})
OPTIONAL MATCH (a)-[r:REGISTERED]->(b)
OPTIONAL MATCH (p:Partner)-[:HOLDS]->(a)
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [p.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
