// Analyst twin of cypher/queries/intel_partner_dashboard_header.cypher, the query
// behind the GraphQL field partnerDashboard when only its header figures are asked
// for (win rate by the API). Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param partnerId => 'partner-northstar-distribution';
:param from => date('2024-01-01');
:param to => date('2024-12-31');
:param scope => null;

// partnerDashboard's header: the registrations and closed-deal figures of one
// partner's period, for a selection that asks for nothing else (registeredDeals,
// wonDeals, wonValue, winRate, outcomes). Its two subqueries are those of
// intel_partner_dashboard.cypher, so the answers are the same; it skips the
// pipeline, leads, earnings inputs, goals, tier peers, co-sellers and roll-up.
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
  WHERE date(r.at) >= $from AND date(r.at) <= $to
  RETURN count(DISTINCT d) AS registeredDeals
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage IN ['won', 'lost'] AND d.closeDate >= $from AND d.closeDate <= $to
  WITH DISTINCT d
  RETURN count(CASE WHEN d.stage = 'won' THEN 1 END) AS wonDeals, count(d) AS closedDeals,
         sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonValue,
         sum(CASE WHEN d.stage = 'lost' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS lostValue
}
RETURN p {.id, .name, .kind, .tier, .region} AS partner, registeredDeals,
       wonDeals, closedDeals, wonValue, lostValue;
