// One page of deals in one $stage plus the total, for an unrestricted caller
// without $partnerId: `d.stage = $stage` is an index seek, where deal_page's
// `$stage IS NULL OR d.stage = $stage` scans every deal. Other filters and
// $sort as in deal_page; total only when asked, derived ids only when selected.
CALL () {
  MATCH (d:Deal)
  WHERE $scope IS NULL AND $partnerId IS NULL AND d.stage = $stage
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
         WHERE $scope IS NULL AND $partnerId IS NULL AND d.stage = $stage
           AND ($minAmount IS NULL OR d.amount >= $minAmount)
           AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
           AND ($closeFrom IS NULL OR d.closeDate >= $closeFrom)
           AND ($closeTo IS NULL OR d.closeDate <= $closeTo)
           AND ($customerId IS NULL OR EXISTS { MATCH (d)-[:FOR]->(:Customer {id: $customerId}) })
       } END AS total,
       items
