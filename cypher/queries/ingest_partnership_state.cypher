// Current Partnerships, their partner and program, and whether the referenced
// partner and program exist. $keys: [{i, id, partnerId, programId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
UNWIND $keys AS k
OPTIONAL MATCH (n:Partnership {id: k.id})
OPTIONAL MATCH (:Partnership {id: k.id})<-[:HOLDS]-(cp:Partner)
OPTIONAL MATCH (:Partnership {id: k.id})-[:IN_PROGRAM]->(cg:Program)
OPTIONAL MATCH (p:Partner {id: k.partnerId})
OPTIONAL MATCH (g:Program {id: k.programId})
RETURN k.i AS i, n {.*} AS node,
       {partnerId: cp.id, programId: cg.id} AS current,
       {partnerId: p IS NOT NULL, programId: g IS NOT NULL} AS found,
       [x IN [cp.id, p.id] WHERE x IS NOT NULL] AS partnerIds
