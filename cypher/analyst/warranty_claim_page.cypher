// Analyst twin of cypher/queries/warranty_claim_page.cypher, the query behind the
// GraphQL field warrantyClaims. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param partnerId => null;
:param productId => null;
:param status => 'approved';
:param scope => null;
:param skip => 0;
:param limit => 25;
:param withTotal => true;

// One page of warranty claims, newest first (filedDate, then id), plus the total
// (only when $withTotal). Filters (null = any): $partnerId, $productId, $status.
// A scoped caller sees the claims its scope's partners filed.
CALL () {
  MATCH (p:Partner)-[:FILED]->(w:WarrantyClaim)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($partnerId IS NULL OR p.id = $partnerId)
    AND ($status IS NULL OR w.status = $status)
    AND ($productId IS NULL OR EXISTS { (w)-[:FOR_PRODUCT]->(:Product {id: $productId}) })
  WITH p, w ORDER BY w.filedDate DESC, w.id
  SKIP $skip LIMIT $limit
  RETURN collect(w {.*, partnerId: p.id,
    productId: [(w)-[:FOR_PRODUCT]->(pr:Product) | pr.id][0],
    customerId: [(w)-[:AT_CUSTOMER]->(c:Customer) | c.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (p:Partner)-[:FILED]->(w:WarrantyClaim)
         WHERE ($scope IS NULL OR p.id IN $scope)
           AND ($partnerId IS NULL OR p.id = $partnerId)
           AND ($status IS NULL OR w.status = $status)
           AND ($productId IS NULL OR EXISTS { (w)-[:FOR_PRODUCT]->(:Product {id: $productId}) })
       } END AS total,
       items;
