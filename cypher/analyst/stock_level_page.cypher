// Analyst twin of cypher/queries/stock_level_page.cypher, the query behind the
// GraphQL field stockLevels. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param partnerId => null;
:param productId => null;
:param belowReorderPoint => true;
:param scope => null;
:param skip => 0;
:param limit => 25;
:param withTotal => true;

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
       items;
