// Current Goals, their partner, and whether the referenced partner exists.
// $keys: [{i, id, partnerId}]
UNWIND $keys AS k
OPTIONAL MATCH (n:Goal {id: k.id})
OPTIONAL MATCH (cp:Partner)-[:HAS_GOAL]->(n)
OPTIONAL MATCH (p:Partner {id: k.partnerId})
RETURN k.i AS i, n {.*} AS node,
       {partnerId: cp.id} AS current,
       {partnerId: p IS NOT NULL} AS found,
       [x IN [cp.id, p.id] WHERE x IS NOT NULL] AS partnerIds
