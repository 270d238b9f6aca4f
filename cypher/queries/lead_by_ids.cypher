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
             MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
             WHERE dp.id IN $scope
           } | d.id][0],
         customerId: [(l)-[:FOR]->(c:Customer)
           WHERE $scope IS NULL
              OR EXISTS { MATCH (cp:Partner)-[:SERVES]->(c) WHERE cp.id IN $scope }
              OR EXISTS {
                MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c)
                WHERE cp.id IN $scope
              } | c.id][0]} AS node
