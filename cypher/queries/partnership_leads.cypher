// Leads REFERRED_BY each partnership, newest first.
// convertedDealId and customerId name the deal and the customer only when the
// caller may see them (as deal_by_ids and customer_by_ids decide).
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  OPTIONAL MATCH (l:Lead)-[:REFERRED_BY]->(s)
  WITH s, l ORDER BY l.createdDate DESC, l.id
  RETURN collect(l {.*, partnershipId: s.id,
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
         } | c.id][0]}) AS found
}
RETURN sid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
