// Analyst twin of cypher/queries/intel_relationship_view.cypher, the query behind the
// GraphQL field relationshipView. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param rootId => 'partner-granite-peak-it';
:param depth => 2;
:param types => ['HOLDS', 'IN_PROGRAM', 'ATTRIBUTED', 'REGISTERED', 'FOR', 'SERVES', 'WORKS_AT', 'REFERRED_BY', 'CONVERTED_TO', 'RESELLS_FOR', 'SHARES_WITH', 'HAS_GOAL'];
:param limit => 200;
:param cap => 201;
:param scope => null;

// relationshipView: a capped subgraph around $rootId for a visualization,
// walked breadth first, one hop per level, up to $depth (at most 3) over the
// relationship types in $types (an allowlist checked by the API). Each level
// keeps at most $cap = limit + 1 new nodes, by label then id, so the walk stays
// bounded around hubs; the result keeps the root and the first `limit` nodes
// and says whether more were reachable. Edges are the allowed relationships
// between kept nodes. A scoped caller only walks through nodes visible to it:
// its partners and their partnerships, the deals they are credited on,
// registered or referred, their customers and those customers' contacts, their
// leads and goals, and the programs its partnerships are in.
CALL () {
  MATCH (n:Partner {id: $rootId}) RETURN n
  UNION MATCH (n:Partnership {id: $rootId}) RETURN n
  UNION MATCH (n:Program {id: $rootId}) RETURN n
  UNION MATCH (n:Customer {id: $rootId}) RETURN n
  UNION MATCH (n:Contact {id: $rootId}) RETURN n
  UNION MATCH (n:Lead {id: $rootId}) RETURN n
  UNION MATCH (n:Deal {id: $rootId}) RETURN n
  UNION MATCH (n:Goal {id: $rootId}) RETURN n
}
WITH n AS root LIMIT 1
WHERE ($scope IS NULL
    OR (root:Partner AND root.id IN $scope)
    OR (root:Program AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(root) WHERE x.id IN $scope })
    OR (root:Partnership AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(root) WHERE x.id IN $scope })
    OR (root:Deal AND (EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(root) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(:Lead)-[:CONVERTED_TO]->(root) WHERE x.id IN $scope }))
    OR (root:Customer AND (EXISTS { MATCH (x:Partner)-[:SERVES]->(root) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(root) WHERE x.id IN $scope }))
    OR (root:Contact AND EXISTS { MATCH (root)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(x:Partner) WHERE x.id IN $scope })
    OR (root:Lead AND EXISTS { MATCH (root)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope })
    OR (root:Goal AND EXISTS { MATCH (x:Partner)-[:HAS_GOAL]->(root) WHERE x.id IN $scope }))
WITH root, [root] AS frontier, [root] AS seen
CALL (frontier, seen) {
  UNWIND (CASE WHEN size(frontier) = 0 THEN [null] ELSE frontier END) AS f
  OPTIONAL MATCH (f)-[r]-(m)
  WHERE $depth >= 1 AND type(r) IN $types AND NOT m IN seen
    AND ($scope IS NULL
    OR (m:Partner AND m.id IN $scope)
    OR (m:Program AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(m) WHERE x.id IN $scope })
    OR (m:Partnership AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(m) WHERE x.id IN $scope })
    OR (m:Deal AND (EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(m) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(:Lead)-[:CONVERTED_TO]->(m) WHERE x.id IN $scope }))
    OR (m:Customer AND (EXISTS { MATCH (x:Partner)-[:SERVES]->(m) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(m) WHERE x.id IN $scope }))
    OR (m:Contact AND EXISTS { MATCH (m)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(x:Partner) WHERE x.id IN $scope })
    OR (m:Lead AND EXISTS { MATCH (m)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope })
    OR (m:Goal AND EXISTS { MATCH (x:Partner)-[:HAS_GOAL]->(m) WHERE x.id IN $scope }))
  WITH DISTINCT m ORDER BY labels(m)[0], m.id
  LIMIT $cap
  RETURN collect(m) AS l1
}
WITH root, l1 AS frontier, [root] + l1 AS seen
CALL (frontier, seen) {
  UNWIND (CASE WHEN size(frontier) = 0 THEN [null] ELSE frontier END) AS f
  OPTIONAL MATCH (f)-[r]-(m)
  WHERE $depth >= 2 AND type(r) IN $types AND NOT m IN seen
    AND ($scope IS NULL
    OR (m:Partner AND m.id IN $scope)
    OR (m:Program AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(m) WHERE x.id IN $scope })
    OR (m:Partnership AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(m) WHERE x.id IN $scope })
    OR (m:Deal AND (EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(m) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(:Lead)-[:CONVERTED_TO]->(m) WHERE x.id IN $scope }))
    OR (m:Customer AND (EXISTS { MATCH (x:Partner)-[:SERVES]->(m) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(m) WHERE x.id IN $scope }))
    OR (m:Contact AND EXISTS { MATCH (m)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(x:Partner) WHERE x.id IN $scope })
    OR (m:Lead AND EXISTS { MATCH (m)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope })
    OR (m:Goal AND EXISTS { MATCH (x:Partner)-[:HAS_GOAL]->(m) WHERE x.id IN $scope }))
  WITH DISTINCT m ORDER BY labels(m)[0], m.id
  LIMIT $cap
  RETURN collect(m) AS l2
}
WITH root, l2 AS frontier, seen + l2 AS seen
CALL (frontier, seen) {
  UNWIND (CASE WHEN size(frontier) = 0 THEN [null] ELSE frontier END) AS f
  OPTIONAL MATCH (f)-[r]-(m)
  WHERE $depth >= 3 AND type(r) IN $types AND NOT m IN seen
    AND ($scope IS NULL
    OR (m:Partner AND m.id IN $scope)
    OR (m:Program AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(m) WHERE x.id IN $scope })
    OR (m:Partnership AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(m) WHERE x.id IN $scope })
    OR (m:Deal AND (EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(m) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(:Lead)-[:CONVERTED_TO]->(m) WHERE x.id IN $scope }))
    OR (m:Customer AND (EXISTS { MATCH (x:Partner)-[:SERVES]->(m) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(m) WHERE x.id IN $scope }))
    OR (m:Contact AND EXISTS { MATCH (m)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(x:Partner) WHERE x.id IN $scope })
    OR (m:Lead AND EXISTS { MATCH (m)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope })
    OR (m:Goal AND EXISTS { MATCH (x:Partner)-[:HAS_GOAL]->(m) WHERE x.id IN $scope }))
  WITH DISTINCT m ORDER BY labels(m)[0], m.id
  LIMIT $cap
  RETURN collect(m) AS l3
}
WITH root, seen + l3 AS reached
WITH root, reached[..$limit] AS kept, size(reached) > $limit AS truncated
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND b IN kept
  WITH a, b, r ORDER BY a.id, type(r), b.id
  RETURN collect({source: a.id, target: b.id, type: type(r), props: properties(r)}) AS edges
}
RETURN root.id AS rootId,
       [n IN kept | {id: n.id, label: labels(n)[0], title: coalesce(n.name, n.id)}] AS nodes,
       // only the key properties the view shows, not whole nodes
       [n IN kept | n {.kind, .tier, .region, .domain, .industry, .size, .status, .level,
         .startDate, .endDate, .commissionType, .commissionRate, .flatAmount, .currency,
         .title, .createdDate, .convertedDate, .amount, .stage, .closeDate, .metric,
         .target, .periodStart, .periodEnd}] AS props,
       edges, truncated;
