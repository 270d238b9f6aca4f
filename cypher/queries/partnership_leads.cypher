// Leads REFERRED_BY each partnership, newest first, then id; paged inside the
// per-partnership subquery; total only when asked. convertedDealId and
// customerId name the deal and the customer only when the caller may see them
// (as deal_by_ids and customer_by_ids decide); convertedDealId only when
// selected ($withConvertedDealId).
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  MATCH (s)<-[:REFERRED_BY]-(l:Lead)
  WITH s, l ORDER BY l.createdDate DESC, l.id
  SKIP $skip LIMIT $limit
  RETURN collect(l {.*, partnershipId: s.id,
    convertedDealId: CASE WHEN $withConvertedDealId THEN [(l)-[:CONVERTED_TO]->(d:Deal)
      WHERE $scope IS NULL OR EXISTS {
        MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(dp:Partner)
        WHERE dp.id IN $scope
      } | d.id][0] END,
    customerId: [(l)-[:FOR]->(c:Customer)
      WHERE $scope IS NULL
         OR EXISTS { MATCH (c)<-[:SERVES]-(cp:Partner) WHERE cp.id IN $scope }
         OR EXISTS {
           MATCH (c)<-[:FOR]-(:Deal)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(cp:Partner)
           WHERE cp.id IN $scope
         } | c.id][0]}) AS items
}
RETURN sid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (s)<-[:REFERRED_BY]-(:Lead) } END AS total,
       items
