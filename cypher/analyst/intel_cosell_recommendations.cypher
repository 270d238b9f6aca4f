// Analyst twin of cypher/queries/intel_cosell_recommendations.cypher, the query
// behind the GraphQL field coSellRecommendations. Identical statement (generated from
// that file by `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param partnerId => 'partner-granite-peak-it';
:param scope => null;
:param first => 10;

// coSellRecommendations: partners that SERVE the same customers as $partnerId
// but were never credited on a deal with it. Evidence: shared customers,
// complementary kind, same region, the candidate's win rate.
// score = 3 × sharedCustomers + 2 (kinds differ) + 1 (same region) + win rate;
// ties go to the smaller id. Scoped callers must have the partner in scope and
// only see candidates that grant it SHARES_WITH consent; the path through the
// shared customer needs overlaps or full.
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
MATCH (p)-[:SERVES]->(c:Customer)<-[:SERVES]-(q:Partner)
WHERE q <> p
  AND NOT EXISTS {
    MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(:Deal)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(q)
  }
OPTIONAL MATCH (q)-[sw:SHARES_WITH]->(p)
WITH p, q, sw.level AS consent, c
WHERE $scope IS NULL OR consent IS NOT NULL
WITH p, q, consent, c ORDER BY c.id
WITH p, q, consent, collect(c) AS shared
CALL (q) {
  OPTIONAL MATCH (q)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(x:Deal)
  WHERE x.stage IN ['won', 'lost']
  WITH DISTINCT x
  RETURN count(CASE WHEN x.stage = 'won' THEN 1 END) AS won, count(x) AS closed
}
WITH p, q, consent, shared, size(shared) AS sharedCustomers,
     coalesce(q.kind <> p.kind, false) AS complementaryKind,
     coalesce(q.region = p.region, false) AS sameRegion,
     CASE WHEN closed > 0 THEN toFloat(won) / closed END AS winRate
WITH p, q, consent, shared, sharedCustomers, complementaryKind, sameRegion, winRate,
     3.0 * sharedCustomers + CASE WHEN complementaryKind THEN 2.0 ELSE 0.0 END
       + CASE WHEN sameRegion THEN 1.0 ELSE 0.0 END + coalesce(winRate, 0.0) AS score
ORDER BY score DESC, q.id
LIMIT $first
WITH p, q, consent, sharedCustomers, complementaryKind, sameRegion, winRate, score,
     CASE WHEN $scope IS NULL OR consent IN ['overlaps', 'full'] THEN shared[0] END AS via
RETURN {id: q.id, name: q.name, kind: q.kind, tier: q.tier, region: q.region} AS partner,
       sharedCustomers, complementaryKind, sameRegion, winRate, consent, score,
       CASE WHEN via IS NULL THEN null ELSE [
         {id: p.id, label: 'Partner', title: p.name, props: {kind: p.kind, tier: p.tier, region: p.region}},
         {id: via.id, label: 'Customer', title: via.name, props: {domain: via.domain, industry: via.industry, region: via.region}},
         {id: q.id, label: 'Partner', title: q.name, props: {kind: q.kind, tier: q.tier, region: q.region}}
       ] END AS pathNodes
ORDER BY score DESC, q.id;
