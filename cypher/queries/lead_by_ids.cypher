// Leads by id, visible when REFERRED_BY a partnership of an in-scope partner.
// convertedDealId and customerId name the deal and the customer only when the
// caller may see them (as deal_by_ids and customer_by_ids decide).
UNWIND $ids AS wanted
MATCH (l:Lead {id: wanted})
WHERE $scope IS NULL
   OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope }
RETURN l.id AS id,
       l {.*,
         partnershipId: [(l)-[:REFERRED_BY]->(s:Partnership) | s.id][0],
         convertedDealId: [(l)-[:CONVERTED_TO]->(d:Deal)
           WHERE $scope IS NULL OR EXISTS {
             MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(dp:Partner)
             WHERE dp.id IN $scope
           } | d.id][0],
         customerId: [(l)-[:FOR]->(c:Customer)
           WHERE $scope IS NULL
              OR EXISTS { MATCH (c)<-[:SERVES]-(cp:Partner) WHERE cp.id IN $scope }
              OR EXISTS {
                MATCH (c)<-[:FOR]-(:Deal)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(cp:Partner)
                WHERE cp.id IN $scope
              } | c.id][0]} AS node
