// Current Contacts, the customer they work at, and whether the referenced
// customer exists. $keys: [{i, id, customerId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Contact {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Contact {id: coalesce(k.id, '')})-[:WORKS_AT]->(cc:Customer)
OPTIONAL MATCH (c:Customer {id: coalesce(k.customerId, '')})
RETURN k.i AS i, n {.*} AS node,
       {customerId: cc.id} AS current,
       {customerId: c IS NOT NULL} AS found,
       [] AS partnerIds
