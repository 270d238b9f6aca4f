// Current Orders, what they reference, and whether the referenced ids exist.
// $keys: [{i, id, partnerId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Order {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Order {id: coalesce(k.id, '')})<-[:PLACED]-(c0:Partner)
OPTIONAL MATCH (f0:Partner {id: coalesce(k.partnerId, '')})
RETURN k.i AS i, n {.*} AS node,
       {partnerId: c0.id} AS current,
       {partnerId: f0 IS NOT NULL} AS found,
       [x IN [c0.id, f0.id] WHERE x IS NOT NULL] AS partnerIds
