// Analyst twin of cypher/queries/intel_account_overlap.cypher, the query behind the
// GraphQL field accountOverlap. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param partnerId => 'partner-eurolink-distribution';
:param otherPartnerId => 'partner-bluegate-networks';
:param scope => null;

// accountOverlap: the customers $partnerId SERVES that $otherPartnerId also
// SERVES, as the same node or a node with the same normalized domain, limited
// by the SHARES_WITH consent the other partner gives this one: none → nothing,
// counts → only the number, overlaps → the accounts, full → also each side's
// open deals there (deals a side's partnerships are credited on or registered).
// A scoped caller must have $partnerId in scope.
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
MATCH (q:Partner {id: $otherPartnerId})
OPTIONAL MATCH (q)-[sw:SHARES_WITH]->(p)
WITH p, q, sw.level AS consent
// A scoped caller learns nothing of a partner outside its scope that gives it no consent.
WHERE $scope IS NULL OR q.id IN $scope OR consent IS NOT NULL
CALL (p, q, consent) {
  MATCH (p)-[:SERVES]->(c:Customer), (q)-[:SERVES]->(t:Customer)
  WHERE consent IS NOT NULL AND (t = c OR (c.domain IS NOT NULL AND t.domain = c.domain))
  CALL (q, t, consent) {
    OPTIONAL MATCH (q)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(od:Deal)-[:FOR]->(t)
    WHERE consent = 'full' AND od.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
    WITH DISTINCT od ORDER BY od.id
    RETURN collect({id: od.id, name: od.name, amount: od.amount, currency: od.currency, stage: od.stage, closeDate: od.closeDate}) AS theirOpen
  }
  WITH p, consent, c, t, theirOpen ORDER BY c.id, t.id
  WITH p, consent, c, collect({
    customer: {id: t.id, name: t.name, domain: t.domain},
    matchedBy: CASE WHEN t = c THEN 'NODE' ELSE 'DOMAIN' END,
    openDeals: theirOpen
  }) AS matches
  CALL (p, c, consent) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(od:Deal)-[:FOR]->(c)
    WHERE consent = 'full' AND od.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
    WITH DISTINCT od ORDER BY od.id
    RETURN collect({id: od.id, name: od.name, amount: od.amount, currency: od.currency, stage: od.stage, closeDate: od.closeDate}) AS ownOpen
  }
  WITH c, matches, ownOpen ORDER BY c.id
  RETURN collect({customer: {id: c.id, name: c.name, domain: c.domain}, matches: matches, openDeals: ownOpen}) AS accounts
}
RETURN p {.id, .name, .kind, .tier, .region} AS partner,
       q {.id, .name, .kind, .tier, .region} AS other,
       consent,
       CASE WHEN consent IS NULL THEN null ELSE size(accounts) END AS sharedAccounts,
       CASE WHEN consent IN ['overlaps', 'full'] THEN accounts END AS accounts;
