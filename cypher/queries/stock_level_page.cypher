// One page of stock levels (STOCKS) by partner id then sku, plus the total (only
// when $withTotal). Filters (null = any): $partnerId, $productId; $belowReorderPoint
// true keeps the levels whose quantity is below their reorder point. A scoped
// caller sees its scope's partners' stock.
CALL () {
  MATCH (p:Partner)-[s:STOCKS]->(pr:Product)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($partnerId IS NULL OR p.id = $partnerId)
    AND ($productId IS NULL OR pr.id = $productId)
    AND (NOT $belowReorderPoint OR s.quantity < s.reorderPoint)
  WITH p, s, pr ORDER BY p.id, pr.sku, pr.id
  SKIP $skip LIMIT $limit
  RETURN collect(s {.*, partnerId: p.id, productId: pr.id, sku: pr.sku, productName: pr.name, family: pr.family}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (p:Partner)-[s:STOCKS]->(pr:Product)
         WHERE ($scope IS NULL OR p.id IN $scope)
           AND ($partnerId IS NULL OR p.id = $partnerId)
           AND ($productId IS NULL OR pr.id = $productId)
           AND (NOT $belowReorderPoint OR s.quantity < s.reorderPoint)
       } END AS total,
       items
