// Current Goals, their partner, and whether the referenced partner exists.
// $keys: [{i, id, partnerId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Goal {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Goal {id: coalesce(k.id, '')})<-[:HAS_GOAL]-(cp:Partner)
OPTIONAL MATCH (p:Partner {id: coalesce(k.partnerId, '')})
RETURN k.i AS i, n {.*} AS node,
       {partnerId: cp.id} AS current,
       {partnerId: p IS NOT NULL} AS found,
       [x IN [cp.id, p.id] WHERE x IS NOT NULL] AS partnerIds
