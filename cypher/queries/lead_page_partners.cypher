// One page of leads plus the total, for a partner's scope or a $partnerId:
// starts from $partnerId, else from the scope's partners (an index seek each),
// and walks to the leads their partnerships referred, instead of scanning
// every lead and testing the scope on each. With both, a lead also needs an
// in-scope referrer, as in lead_page's filters. Filters and $sort as in
// lead_page; total only when asked ($withTotal). convertedDealId and
// customerId name the deal and the customer only when the caller may see them
// (as deal_by_ids and customer_by_ids decide).
WITH CASE WHEN $partnerId IS NULL THEN $scope ELSE [$partnerId] END AS anchors
CALL (anchors) {
  UNWIND anchors AS aid
  MATCH (:Partner {id: aid})-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(l:Lead)
  WITH DISTINCT l
  WHERE ($partnerId IS NULL OR $scope IS NULL
     OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope })
    AND ($status IS NULL OR l.status = $status)
  WITH l, CASE $sort
      WHEN 'createdDate' THEN l.createdDate
      WHEN 'status' THEN l.status
      ELSE l.name
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           l.id
  SKIP $skip LIMIT $limit
  RETURN collect(l {.*,
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
         } | c.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         UNWIND anchors AS aid
         MATCH (:Partner {id: aid})-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(l:Lead)
         WITH DISTINCT l
         WHERE ($partnerId IS NULL OR $scope IS NULL
             OR EXISTS {
               MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner)
               WHERE lp.id IN $scope
             })
           AND ($status IS NULL OR l.status = $status)
         RETURN l
       } END AS total,
       items
