// One page of deals plus the total. Filters (null = any): $stage, $minAmount,
// $maxAmount, $closeFrom, $closeTo (dates, inclusive), $customerId, $partnerId
// (credited or registering partner; for a scoped caller only one in its scope,
// so a foreign partner's credits stay hidden). $sort: name | amount | closeDate | createdAt.
CALL () {
  MATCH (d:Deal)
  WHERE ($scope IS NULL OR EXISTS {
      MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
      WHERE dp.id IN $scope
    })
    AND ($stage IS NULL OR d.stage = $stage)
    AND ($minAmount IS NULL OR d.amount >= $minAmount)
    AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
    AND ($closeFrom IS NULL OR d.closeDate >= $closeFrom)
    AND ($closeTo IS NULL OR d.closeDate <= $closeTo)
    AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:FOR]->(:Customer {id: $customerId}) })
    AND ($partnerId IS NULL OR EXISTS {
      MATCH (fp:Partner {id: $partnerId})-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
      WHERE $scope IS NULL OR fp.id IN $scope
    })
  RETURN count(d) AS total
}
CALL () {
  MATCH (d:Deal)
  WHERE ($scope IS NULL OR EXISTS {
      MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
      WHERE dp.id IN $scope
    })
    AND ($stage IS NULL OR d.stage = $stage)
    AND ($minAmount IS NULL OR d.amount >= $minAmount)
    AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
    AND ($closeFrom IS NULL OR d.closeDate >= $closeFrom)
    AND ($closeTo IS NULL OR d.closeDate <= $closeTo)
    AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:FOR]->(:Customer {id: $customerId}) })
    AND ($partnerId IS NULL OR EXISTS {
      MATCH (fp:Partner {id: $partnerId})-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
      WHERE $scope IS NULL OR fp.id IN $scope
    })
  WITH d, CASE $sort
      WHEN 'amount' THEN d.amount
      WHEN 'closeDate' THEN d.closeDate
      WHEN 'createdAt' THEN d.createdAt
      ELSE d.name
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           d.id
  SKIP $skip LIMIT $limit
  RETURN collect(d {.*,
    customerId: [(d)-[:FOR]->(c:Customer) | c.id][0],
    leadId: [(l:Lead)-[:CONVERTED_TO]->(d) WHERE $scope IS NULL OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope } | l.id][0]}) AS items
}
RETURN total, items
