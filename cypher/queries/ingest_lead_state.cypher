// Current Leads, their referring partnership, converted deal and customer, and
// whether the referenced ones exist. $keys: [{i, id, partnershipId, convertedDealId, customerId, campaignId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Lead {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Lead {id: coalesce(k.id, '')})-[:REFERRED_BY]->(cs:Partnership)
OPTIONAL MATCH (:Lead {id: coalesce(k.id, '')})-[:CONVERTED_TO]->(cd:Deal)
OPTIONAL MATCH (:Lead {id: coalesce(k.id, '')})-[:FOR]->(cc:Customer)
OPTIONAL MATCH (:Lead {id: coalesce(k.id, '')})-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(cp:Partner)
OPTIONAL MATCH (s:Partnership {id: coalesce(k.partnershipId, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})<-[:HOLDS]-(p:Partner)
OPTIONAL MATCH (d:Deal {id: coalesce(k.convertedDealId, '')})
OPTIONAL MATCH (c:Customer {id: coalesce(k.customerId, '')})
OPTIONAL MATCH (:Lead {id: coalesce(k.id, '')})-[:SOURCED_FROM]->(cm:Campaign)
OPTIONAL MATCH (m:Campaign {id: coalesce(k.campaignId, '')})
RETURN k.i AS i, n {.*} AS node,
       {partnershipId: cs.id, convertedDealId: cd.id, customerId: cc.id, campaignId: cm.id} AS current,
       {partnershipId: s IS NOT NULL, convertedDealId: d IS NOT NULL,
        customerId: c IS NOT NULL,
        campaignId: m IS NOT NULL} AS found,
       [x IN [cp.id, p.id] WHERE x IS NOT NULL] AS partnerIds
