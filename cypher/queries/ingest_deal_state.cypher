// Current Deals, their customer, the partners credited on or registered for
// them (for change scoping), and whether the referenced customer exists.
// $keys: [{i, id, customerId}]
UNWIND $keys AS k
OPTIONAL MATCH (n:Deal {id: k.id})
OPTIONAL MATCH (n)-[:FOR]->(cc:Customer)
OPTIONAL MATCH (c:Customer {id: k.customerId})
CALL (n) {
  OPTIONAL MATCH (p:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(n)
  RETURN collect(DISTINCT p.id) AS partnerIds
}
RETURN k.i AS i, n {.*} AS node,
       {customerId: cc.id} AS current,
       {customerId: c IS NOT NULL} AS found,
       partnerIds
