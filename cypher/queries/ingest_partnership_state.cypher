// Current Partnerships, their partner and program, and whether the referenced
// partner and program exist. $keys: [{i, id, partnerId, programId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Partnership {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.id, '')})<-[:HOLDS]-(cp:Partner)
OPTIONAL MATCH (:Partnership {id: coalesce(k.id, '')})-[:IN_PROGRAM]->(cg:Program)
OPTIONAL MATCH (p:Partner {id: coalesce(k.partnerId, '')})
OPTIONAL MATCH (g:Program {id: coalesce(k.programId, '')})
RETURN k.i AS i, n {.*} AS node,
       {partnerId: cp.id, programId: cg.id} AS current,
       {partnerId: p IS NOT NULL, programId: g IS NOT NULL} AS found,
       [x IN [cp.id, p.id] WHERE x IS NOT NULL] AS partnerIds
