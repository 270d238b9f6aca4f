// Analyst twin of cypher/queries/intel_cosell_pairs.cypher, the query behind the
// GraphQL field coSellingPairs (no partnerId). Identical statement (generated from
// that file by `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param scope => null;
:param minSharedDeals => 1;
:param first => 20;

// coSellingPairs without partnerId: every pair of partners credited on the same
// deals, ranked by score = sharedDeals + sharedWonDeals, then shared won value,
// then partner ids. Scoped callers see pairs with at least one partner in scope;
// data about the partner outside it (its overall win rate, shared customers)
// comes back null.
MATCH (a:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(b:Partner)
WHERE a.id < b.id AND ($scope IS NULL OR a.id IN $scope OR b.id IN $scope)
WITH a, b, collect(DISTINCT d) AS deals
WITH a, b, size(deals) AS sharedDeals,
     [x IN deals WHERE x.stage = 'won'] AS won,
     size([x IN deals WHERE x.stage IN ['won', 'lost']]) AS sharedClosed
WHERE sharedDeals >= $minSharedDeals
WITH a, b, sharedDeals, size(won) AS sharedWon, sharedClosed,
     reduce(v = 0.0, x IN won | v + coalesce(x.amount, 0.0)) AS sharedWonValue
ORDER BY sharedDeals + sharedWon DESC, sharedWonValue DESC, a.id, b.id
LIMIT $first
CALL (a) {
  OPTIONAL MATCH (a)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(x:Deal)
  WHERE x.stage IN ['won', 'lost']
  WITH DISTINCT x
  RETURN count(CASE WHEN x.stage = 'won' THEN 1 END) AS aWon, count(x) AS aClosed
}
CALL (b) {
  OPTIONAL MATCH (b)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(x:Deal)
  WHERE x.stage IN ['won', 'lost']
  WITH DISTINCT x
  RETURN count(CASE WHEN x.stage = 'won' THEN 1 END) AS bWon, count(x) AS bClosed
}
// Shared customers: those both SERVE, plus those both have credited deals for
// (a customer one side serves and only the other has deals with is not shared).
// Each side's two id lists are gathered once, then intersected kind by kind.
WITH a, b, sharedDeals, sharedWon, sharedClosed, sharedWonValue, aWon, aClosed, bWon, bClosed,
     [(a)-[:SERVES]->(c:Customer) | c.id] AS aServed,
     [(a)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(:Deal)-[:FOR]->(c:Customer) | c.id] AS aDealt,
     [(b)-[:SERVES]->(c:Customer) | c.id] AS bServed,
     [(b)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(:Deal)-[:FOR]->(c:Customer) | c.id] AS bDealt
WITH a, b, sharedDeals, sharedWon, sharedClosed, sharedWonValue, aWon, aClosed, bWon, bClosed,
     size(reduce(s = [], x IN [x IN aServed WHERE x IN bServed] + [x IN aDealt WHERE x IN bDealt] |
       CASE WHEN x IN s THEN s ELSE s + x END)) AS sharedCustomers
WITH a, b, sharedDeals, sharedWon, sharedClosed, sharedWonValue, aWon, aClosed, bWon, bClosed,
     sharedCustomers, $scope IS NULL OR a.id IN $scope AS aSeen, $scope IS NULL OR b.id IN $scope AS bSeen
RETURN {id: a.id, name: a.name, kind: a.kind, tier: a.tier, region: a.region} AS partner,
       {id: b.id, name: b.name, kind: b.kind, tier: b.tier, region: b.region} AS other,
       sharedDeals, sharedWon, sharedClosed, sharedWonValue,
       CASE WHEN aSeen THEN aWon END AS aWon, CASE WHEN aSeen THEN aClosed END AS aClosed,
       CASE WHEN bSeen THEN bWon END AS bWon, CASE WHEN bSeen THEN bClosed END AS bClosed,
       CASE WHEN aSeen AND bSeen THEN sharedCustomers END AS sharedCustomers
ORDER BY sharedDeals + sharedWon DESC, sharedWonValue DESC, a.id, b.id;
