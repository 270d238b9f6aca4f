// Analyst twin of cypher/queries/intel_deal_credit.cypher, the query behind the
// GraphQL field dealCredit (the split itself is computed by the API from these rows).
// Identical statement (generated from that file by `graph-api generate-cypher`; edit
// the query, or the examples in graph_api/analyst.py, and regenerate). Run it in
// Neo4j Browser after the :param lines (edit the values; the examples name the demo
// graph of seed/demo.jsonl). $scope null means every partner; a list of partner ids
// shows what a partner portal would see.

:param dealId => 'deal-055';
:param scope => null;

// dealCredit: one deal and every ATTRIBUTED line on it; the split is computed
// from this one result. A scoped caller sees the deal only when one of its
// partners is credited on it or registered it; `visible` marks its own lines.
MATCH (d:Deal {id: $dealId})
WHERE $scope IS NULL
   OR EXISTS { MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope }
CALL (d) {
  OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(ps:Partnership)<-[:HOLDS]-(p:Partner)
  WITH p, ps, a ORDER BY ps.id
  RETURN collect(CASE WHEN ps IS NULL THEN null ELSE {
    partnershipId: ps.id, partner: {id: p.id, name: p.name, kind: p.kind, tier: p.tier, region: p.region},
    role: a.role, share: a.share, at: a.at, visible: $scope IS NULL OR p.id IN $scope
  } END) AS lines
}
RETURN d {.id, .name, .amount, .currency, .stage, .closeDate, .createdDate} AS deal, lines;
