// Analyst twin of cypher/queries/channel_figures.cypher, the query behind the GraphQL
// field partnerDashboard.channel (money sums and claim rates by the API). Identical
// statement (generated from that file by `graph-api generate-cypher`; edit the query,
// or the examples in graph_api/analyst.py, and regenerate). Run it in Neo4j Browser
// after the :param lines (edit the values; the examples name the demo graph of
// seed/demo.jsonl). $scope null means every partner; a list of partner ids shows what
// a partner portal would see.

:param partnerId => 'partner-rheinland-technik';
:param from => date('2024-07-01');
:param to => date('2025-06-30');
:param scope => null;

// The channel section of one partner's dashboard for [$from, $to] (inclusive):
//   months    orders placed in the period (not cancelled) by month: count and value
//             (sum of quantity x unitPrice over their lines)
//   lowStock  its stock levels below their reorder point (now), by sku
//   claims    warranty claims it filed in the period, by status: count and amount
//   families  per product family: claims it filed in the period, and units it
//             ordered (not cancelled) up to $to; the API divides the two
// Nothing comes back for a partner outside $scope.
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
CALL (p) {
  OPTIONAL MATCH (p)-[:PLACED]->(o:Order)
  WHERE o.orderedDate >= $from AND o.orderedDate <= $to AND o.status <> 'cancelled'
  CALL (o) {
    OPTIONAL MATCH (o)-[l:INCLUDES]->(:Product)
    RETURN sum(coalesce(l.quantity, 0) * coalesce(l.unitPrice, 0.0)) AS value
  }
  WITH o, value, substring(toString(o.orderedDate), 0, 7) AS month
  WHERE o IS NOT NULL
  WITH month, count(o) AS orders, sum(value) AS value
  ORDER BY month
  RETURN collect({month: month, orders: orders, value: value}) AS months
}
CALL (p) {
  OPTIONAL MATCH (p)-[s:STOCKS]->(pr:Product)
  WHERE s.quantity < s.reorderPoint
  WITH s, pr ORDER BY pr.sku, pr.id
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE
    s {.*, partnerId: p.id, productId: pr.id, sku: pr.sku, productName: pr.name, family: pr.family}
  END) AS lowStock
}
CALL (p) {
  OPTIONAL MATCH (p)-[:FILED]->(w:WarrantyClaim)
  WHERE w.filedDate >= $from AND w.filedDate <= $to
  WITH w.status AS status, count(w) AS claims, sum(coalesce(w.amount, 0.0)) AS amount
  WHERE claims > 0
  ORDER BY status
  RETURN collect({status: status, count: claims, amount: amount}) AS claims
}
CALL (p) {
  OPTIONAL MATCH (p)-[:PLACED]->(o:Order)-[l:INCLUDES]->(pr:Product)
  WHERE o.orderedDate <= $to AND o.status <> 'cancelled'
  WITH coalesce(pr.family, '') AS family, sum(l.quantity) AS units
  WHERE units > 0
  RETURN collect({family: family, units: units}) AS ordered
}
CALL (p) {
  OPTIONAL MATCH (p)-[:FILED]->(w:WarrantyClaim)-[:FOR_PRODUCT]->(pr:Product)
  WHERE w.filedDate >= $from AND w.filedDate <= $to
  WITH coalesce(pr.family, '') AS family, count(w) AS claims
  WHERE claims > 0
  RETURN collect({family: family, claims: claims}) AS claimed
}
RETURN p.id AS partnerId, months, lowStock, claims, ordered, claimed;
