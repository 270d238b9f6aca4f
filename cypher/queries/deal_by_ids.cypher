// Deals by id, visible when a partnership of an in-scope partner is
// ATTRIBUTED to or REGISTERED on the deal. Every pattern starts at the deal:
// one that starts at an unbound label (Partner, Lead) scans that label per deal.
UNWIND $ids AS wanted
MATCH (d:Deal {id: wanted})
WHERE $scope IS NULL OR EXISTS {
  MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(dp:Partner)
  WHERE dp.id IN $scope
}
RETURN d.id AS id,
       d {.*,
         customerId: [(d)-[:FOR]->(c:Customer) | c.id][0],
         leadId: [(d)<-[:CONVERTED_TO]-(l:Lead)
           WHERE $scope IS NULL OR EXISTS {
             MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope
           } | l.id][0]} AS node
