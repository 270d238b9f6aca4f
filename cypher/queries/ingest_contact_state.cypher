// Current Contacts, the customer they work at, and whether the referenced
// customer exists. $keys: [{i, id, customerId}]
UNWIND $keys AS k
OPTIONAL MATCH (n:Contact {id: k.id})
OPTIONAL MATCH (n)-[:WORKS_AT]->(cc:Customer)
OPTIONAL MATCH (c:Customer {id: k.customerId})
RETURN k.i AS i, n {.*} AS node,
       {customerId: cc.id} AS current,
       {customerId: c IS NOT NULL} AS found,
       [] AS partnerIds
