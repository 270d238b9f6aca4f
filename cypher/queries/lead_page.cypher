// One page of leads plus the total. Filters: $status, $partnerId (the partner
// holding the referring partnership). $sort: name | createdDate | status.
// convertedDealId and customerId name the deal and the customer only when the
// caller may see them (as deal_by_ids and customer_by_ids decide).
CALL () {
  MATCH (l:Lead)
  WHERE ($scope IS NULL
     OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope })
    AND ($status IS NULL OR l.status = $status)
    AND ($partnerId IS NULL
     OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(:Partner {id: $partnerId}) })
  RETURN count(l) AS total
}
CALL () {
  MATCH (l:Lead)
  WHERE ($scope IS NULL
     OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope })
    AND ($status IS NULL OR l.status = $status)
    AND ($partnerId IS NULL
     OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(:Partner {id: $partnerId}) })
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
        MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
        WHERE dp.id IN $scope
      } | d.id][0],
    customerId: [(l)-[:FOR]->(c:Customer)
      WHERE $scope IS NULL
         OR EXISTS { MATCH (cp:Partner)-[:SERVES]->(c) WHERE cp.id IN $scope }
         OR EXISTS {
           MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c)
           WHERE cp.id IN $scope
         } | c.id][0]}) AS items
}
RETURN total, items
