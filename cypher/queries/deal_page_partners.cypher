// One page of deals plus the total, for a partner's scope or a $partnerId:
// starts from those partners (an index seek each) and walks to the deals they
// are credited on or registered, instead of scanning every deal and testing
// the scope on each. A scoped caller's $partnerId must be in its scope, else
// nothing matches, so a foreign partner's credits stay hidden. Filters and
// $sort as in deal_page; total only when asked, derived ids only when selected.
WITH CASE
       WHEN $partnerId IS NULL THEN $scope
       WHEN $scope IS NULL OR $partnerId IN $scope THEN [$partnerId]
       ELSE []
     END AS anchors
CALL (anchors) {
  UNWIND anchors AS aid
  MATCH (:Partner {id: aid})-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d:Deal)
  WITH DISTINCT d
  WHERE ($stage IS NULL OR d.stage = $stage)
    AND ($minAmount IS NULL OR d.amount >= $minAmount)
    AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
    AND ($closeFrom IS NULL OR d.closeDate >= $closeFrom)
    AND ($closeTo IS NULL OR d.closeDate <= $closeTo)
    AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:FOR]->(:Customer {id: $customerId}) })
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
    customerId: CASE WHEN $withCustomerId THEN [(d)-[:FOR]->(c:Customer) | c.id][0] END,
    leadId: CASE WHEN $withLeadId THEN [(d)<-[:CONVERTED_TO]-(l:Lead)
      WHERE $scope IS NULL OR EXISTS {
        MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope
      } | l.id][0] END}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         UNWIND anchors AS aid
         MATCH (:Partner {id: aid})-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d:Deal)
         WITH DISTINCT d
         WHERE ($stage IS NULL OR d.stage = $stage)
           AND ($minAmount IS NULL OR d.amount >= $minAmount)
           AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
           AND ($closeFrom IS NULL OR d.closeDate >= $closeFrom)
           AND ($closeTo IS NULL OR d.closeDate <= $closeTo)
           AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:FOR]->(:Customer {id: $customerId}) })
         RETURN d
       } END AS total,
       items
