// Analyst twin of cypher/queries/order_page.cypher, the query behind the GraphQL
// field orders. Identical statement (generated from that file by `graph-api
// generate-cypher`; edit the query, or the examples in graph_api/analyst.py, and
// regenerate). Run it in Neo4j Browser after the :param lines (edit the values; the
// examples name the demo graph of seed/demo.jsonl). $scope null means every partner;
// a list of partner ids shows what a partner portal would see.

:param partnerId => 'partner-rheinland-technik';
:param status => null;
:param from => date('2024-07-01');
:param to => date('2025-06-30');
:param scope => null;
:param skip => 0;
:param limit => 25;
:param withTotal => true;

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
       items;
