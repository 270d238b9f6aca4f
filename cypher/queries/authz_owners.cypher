// Who owns the records a partner's write touches: the partners holding a
// partnership, whether a lead exists and which partners its partnership
// belongs to, whether a contact exists and which partners serve its customer,
// which partners serve a customer, whether that customer is visible in $scope
// (as customer_by_ids decides: a lead names only a customer its partner can
// see), and whether a deal is visible in $scope (a partner registers only
// deals it can already see). Null ids match nothing.
OPTIONAL MATCH (:Partnership {id: $partnershipId})<-[:HOLDS]-(sp:Partner)
WITH collect(DISTINCT sp.id) AS partnershipOwners
OPTIONAL MATCH (l:Lead {id: $leadId})
OPTIONAL MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner)
WITH partnershipOwners, count(l) > 0 AS leadExists, collect(DISTINCT lp.id) AS leadOwners
OPTIONAL MATCH (ct:Contact {id: $contactId})
OPTIONAL MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(cp:Partner)
WITH partnershipOwners, leadExists, leadOwners,
     count(ct) > 0 AS contactExists, collect(DISTINCT cp.id) AS contactOwners
OPTIONAL MATCH (:Customer {id: $customerId})<-[:SERVES]-(up:Partner)
WITH partnershipOwners, leadExists, leadOwners, contactExists, contactOwners,
     collect(DISTINCT up.id) AS customerOwners
RETURN partnershipOwners, leadExists, leadOwners, contactExists, contactOwners, customerOwners,
       any(x IN customerOwners WHERE x IN $scope) OR COUNT {
         MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(:Customer {id: $customerId})
         WHERE cp.id IN $scope
       } > 0 AS customerVisible,
       COUNT {
         MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal {id: $dealId})
         WHERE dp.id IN $scope
       } > 0 AS dealVisible
