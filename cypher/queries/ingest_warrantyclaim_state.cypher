// Current WarrantyClaims, what they reference, and whether the referenced ids exist.
// $keys: [{i, id, partnerId, productId, customerId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:WarrantyClaim {id: coalesce(k.id, '')})
OPTIONAL MATCH (:WarrantyClaim {id: coalesce(k.id, '')})<-[:FILED]-(c0:Partner)
OPTIONAL MATCH (:WarrantyClaim {id: coalesce(k.id, '')})-[:FOR_PRODUCT]->(c1:Product)
OPTIONAL MATCH (:WarrantyClaim {id: coalesce(k.id, '')})-[:AT_CUSTOMER]->(c2:Customer)
OPTIONAL MATCH (f0:Partner {id: coalesce(k.partnerId, '')})
OPTIONAL MATCH (f1:Product {id: coalesce(k.productId, '')})
OPTIONAL MATCH (f2:Customer {id: coalesce(k.customerId, '')})
RETURN k.i AS i, n {.*} AS node,
       {partnerId: c0.id, productId: c1.id, customerId: c2.id} AS current,
       {partnerId: f0 IS NOT NULL, productId: f1 IS NOT NULL, customerId: f2 IS NOT NULL} AS found,
       [x IN [c0.id, f0.id] WHERE x IS NOT NULL] AS partnerIds
