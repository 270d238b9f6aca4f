// Analyst twin of cypher/queries/intel_attribution_comparison.cypher, the query
// behind the GraphQL field attributionComparison (models applied by the API per row).
// Identical statement (generated from that file by `graph-api generate-cypher`; edit
// the query, or the examples in graph_api/analyst.py, and regenerate). Run it in
// Neo4j Browser after the :param lines (edit the values; the examples name the demo
// graph of seed/demo.jsonl). $scope null means every partner; a list of partner ids
// shows what a partner portal would see.

:param days => [d IN range(0, 90) | date('2024-01-01') + duration({days: d})];
:param scope => null;

// attributionComparison: won deals closed in [$from, $to] (both inclusive)
// with all their ATTRIBUTED lines; Python applies every model to each deal.
// Scoped callers: only deals one of their partners is credited on.
// $days lists every date of the period (the API expands it), so each lookup is
// an index seek on Deal(closeDate) on every store, not a range scan.
UNWIND $days AS day
MATCH (d:Deal {closeDate: day})
WITH d
WHERE d.stage = 'won'
  AND ($scope IS NULL
    OR EXISTS { MATCH (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope })
CALL (d) {
  OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(ps:Partnership)<-[:HOLDS]-(p:Partner)
  RETURN collect(CASE WHEN ps IS NULL THEN null ELSE {
    partnershipId: ps.id, partner: {id: p.id, name: p.name, kind: p.kind, tier: p.tier, region: p.region},
    role: a.role, share: a.share, at: a.at, visible: $scope IS NULL OR p.id IN $scope
  } END) AS lines
}
RETURN d {.id, .amount, .closeDate, .createdDate} AS deal, lines;
