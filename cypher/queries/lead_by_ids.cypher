// Leads by id, visible when REFERRED_BY a partnership of an in-scope partner.
UNWIND $ids AS wanted
MATCH (l:Lead {id: wanted})
WHERE $scope IS NULL
   OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope }
RETURN l.id AS id,
       l {.*,
         partnershipId: [(l)-[:REFERRED_BY]->(s:Partnership) | s.id][0],
         convertedDealId: [(l)-[:CONVERTED_TO]->(d:Deal) | d.id][0]} AS node
