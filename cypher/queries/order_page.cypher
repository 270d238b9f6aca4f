// One page of orders, newest first (orderedDate, then id), plus the total (only
// when $withTotal), each with its partner's id and its lines. Filters (null = any):
// $partnerId, $status, $from and $to (orderedDate, inclusive). A scoped caller
// sees the orders its scope's partners placed.
CALL () {
  MATCH (p:Partner)-[:PLACED]->(o:Order)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($partnerId IS NULL OR p.id = $partnerId)
    AND ($status IS NULL OR o.status = $status)
    AND ($from IS NULL OR o.orderedDate >= $from)
    AND ($to IS NULL OR o.orderedDate <= $to)
  WITH p, o ORDER BY o.orderedDate DESC, o.id
  SKIP $skip LIMIT $limit
  RETURN collect(o {.*, partnerId: p.id,
    lines: [(o)-[l:INCLUDES]->(pr:Product) | l {.quantity, .unitPrice, productId: pr.id, sku: pr.sku, productName: pr.name, family: pr.family}]
  }) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (p:Partner)-[:PLACED]->(o:Order)
         WHERE ($scope IS NULL OR p.id IN $scope)
           AND ($partnerId IS NULL OR p.id = $partnerId)
           AND ($status IS NULL OR o.status = $status)
           AND ($from IS NULL OR o.orderedDate >= $from)
           AND ($to IS NULL OR o.orderedDate <= $to)
       } END AS total,
       items
