// Deals by id, visible when a partnership of an in-scope partner is
// ATTRIBUTED to or REGISTERED on the deal.
UNWIND $ids AS wanted
MATCH (d:Deal {id: wanted})
WHERE $scope IS NULL OR EXISTS {
  MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
  WHERE dp.id IN $scope
}
RETURN d.id AS id,
       d {.*,
         customerId: [(d)-[:FOR]->(c:Customer) | c.id][0],
         leadId: [(l:Lead)-[:CONVERTED_TO]->(d) WHERE $scope IS NULL OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope } | l.id][0]} AS node
