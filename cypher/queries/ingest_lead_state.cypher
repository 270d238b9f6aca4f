// Current Leads, their referring partnership and converted deal, and whether
// the referenced ones exist. $keys: [{i, id, partnershipId, convertedDealId}]
UNWIND $keys AS k
OPTIONAL MATCH (n:Lead {id: k.id})
OPTIONAL MATCH (n)-[:REFERRED_BY]->(cs:Partnership)
OPTIONAL MATCH (n)-[:CONVERTED_TO]->(cd:Deal)
OPTIONAL MATCH (s:Partnership {id: k.partnershipId})
OPTIONAL MATCH (d:Deal {id: k.convertedDealId})
OPTIONAL MATCH (cp:Partner)-[:HOLDS]->(cs)
OPTIONAL MATCH (p:Partner)-[:HOLDS]->(s)
RETURN k.i AS i, n {.*} AS node,
       {partnershipId: cs.id, convertedDealId: cd.id} AS current,
       {partnershipId: s IS NOT NULL, convertedDealId: d IS NOT NULL} AS found,
       [x IN [cp.id, p.id] WHERE x IS NOT NULL] AS partnerIds
