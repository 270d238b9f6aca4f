// One page of deals plus the total, for an unrestricted caller (null $scope)
// with no $stage and no $partnerId: this lists every deal, so it scans the
// label. deal_page_stage (a stage: index seek) and deal_page_partners (a scope
// or a partner: starts from those partners) serve the other cases; a scoped
// call that reached this file by mistake matches nothing. Filters (null = any):
// $minAmount, $maxAmount, $closeFrom, $closeTo (dates, inclusive), $customerId.
// $sort: name | amount | closeDate | createdAt. Total only when asked
// ($withTotal), derived ids only when selected ($withCustomerId, $withLeadId).
CALL () {
  MATCH (d:Deal)
  WHERE $scope IS NULL AND $partnerId IS NULL
    AND ($stage IS NULL OR d.stage = $stage)
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
    leadId: CASE WHEN $withLeadId THEN [(d)<-[:CONVERTED_TO]-(l:Lead) | l.id][0] END}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (d:Deal)
         WHERE $scope IS NULL AND $partnerId IS NULL
           AND ($stage IS NULL OR d.stage = $stage)
           AND ($minAmount IS NULL OR d.amount >= $minAmount)
           AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
           AND ($closeFrom IS NULL OR d.closeDate >= $closeFrom)
           AND ($closeTo IS NULL OR d.closeDate <= $closeTo)
           AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:FOR]->(:Customer {id: $customerId}) })
       } END AS total,
       items
