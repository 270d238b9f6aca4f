// Current Deals, their customer, the partners credited on or registered for
// them (for change scoping), and whether the referenced customer exists.
// $keys: [{i, id, customerId, campaignId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Deal {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Deal {id: coalesce(k.id, '')})-[:FOR]->(cc:Customer)
OPTIONAL MATCH (c:Customer {id: coalesce(k.customerId, '')})
OPTIONAL MATCH (:Deal {id: coalesce(k.id, '')})-[:SOURCED_FROM]->(cm:Campaign)
OPTIONAL MATCH (m:Campaign {id: coalesce(k.campaignId, '')})
CALL (k) {
  OPTIONAL MATCH (:Deal {id: coalesce(k.id, '')})<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(p:Partner)
  RETURN collect(DISTINCT p.id) AS partnerIds
}
RETURN k.i AS i, n {.*} AS node,
       {customerId: cc.id, campaignId: cm.id} AS current,
       {customerId: c IS NOT NULL,
        campaignId: m IS NOT NULL} AS found,
       partnerIds
