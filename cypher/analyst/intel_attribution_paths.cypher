// Analyst twin of cypher/queries/intel_attribution_paths.cypher, the query behind the
// GraphQL field attributionPaths. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param dealId => 'deal-206';
:param scope => null;

// attributionPaths: every route by which partners reach one deal, as ordered
// node and edge lists: attribution and registration (partner → partnership →
// deal), lead referral (partner → partnership ← lead → deal), and the
// RESELLS_FOR chain from each credited partner up to its top distributor.
// A scoped caller sees the deal only if one of its partners is credited on it,
// registered it or referred its lead, and only routes starting at its partners.
MATCH (d:Deal {id: $dealId})
WHERE $scope IS NULL
   OR EXISTS { MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope }
   OR EXISTS { MATCH (d)<-[:CONVERTED_TO]-(:Lead)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope }
CALL (d) {
  CALL (d) {
    MATCH (d)<-[a:ATTRIBUTED]-(ps:Partnership)<-[h:HOLDS]-(p:Partner)
    WHERE $scope IS NULL OR p.id IN $scope
    RETURN 'ATTRIBUTION' AS kind, [p, ps, d] AS ns, [h, a] AS rs
    UNION
    MATCH (d)<-[r:REGISTERED]-(ps:Partnership)<-[h:HOLDS]-(p:Partner)
    WHERE $scope IS NULL OR p.id IN $scope
    RETURN 'REGISTRATION' AS kind, [p, ps, d] AS ns, [h, r] AS rs
    UNION
    MATCH (d)<-[cv:CONVERTED_TO]-(l:Lead)-[rb:REFERRED_BY]->(ps:Partnership)<-[h:HOLDS]-(p:Partner)
    WHERE $scope IS NULL OR p.id IN $scope
    RETURN 'LEAD_REFERRAL' AS kind, [p, ps, l, d] AS ns, [h, rb, cv] AS rs
    UNION
    MATCH (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(p:Partner)
    WHERE $scope IS NULL OR p.id IN $scope
    WITH DISTINCT p
    MATCH chain = (p)-[:RESELLS_FOR*1..6]->(top:Partner)
    // A scoped caller sees the chain only as far up as its scope reaches.
    WHERE ($scope IS NULL AND NOT EXISTS { (top)-[:RESELLS_FOR]->(:Partner) })
       OR ($scope IS NOT NULL AND all(n IN nodes(chain) WHERE n.id IN $scope)
           AND NOT EXISTS { MATCH (top)-[:RESELLS_FOR]->(up:Partner) WHERE up.id IN $scope })
    RETURN 'DISTRIBUTION' AS kind, nodes(chain) AS ns, relationships(chain) AS rs
  }
  RETURN collect({
    kind: kind,
    nodes: [n IN ns | {id: n.id, label: labels(n)[0], title: coalesce(n.name, n.id), props: properties(n)}],
    edges: [r IN rs | {source: startNode(r).id, target: endNode(r).id, type: type(r), props: properties(r)}]
  }) AS paths
}
RETURN d {.id, .name, .amount, .currency, .stage, .closeDate} AS deal, paths;
