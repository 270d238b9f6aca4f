// Analyst twin of cypher/queries/intel_connection_path.cypher, the query behind the
// GraphQL field connectionPath. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param fromId => 'partner-granite-peak-it';
:param toId => 'deal-161';
:param maxHops => 4;
:param scope => null;

// connectionPath: the shortest path of any relationships between two entities,
// found by id under any entity label (each lookup uses the label's id index).
// Searches up to 6 hops, then keeps the path only if it has at most $maxHops.
// For a scoped caller the path is returned only if every node on it is visible
// to the caller (its partners, their partnerships, deals, customers, leads,
// contacts and goals, and the programs its partnerships are in);
// otherwise there is no answer.
CALL () {
  MATCH (n:Partner {id: $fromId}) RETURN n
  UNION MATCH (n:Partnership {id: $fromId}) RETURN n
  UNION MATCH (n:Program {id: $fromId}) RETURN n
  UNION MATCH (n:Customer {id: $fromId}) RETURN n
  UNION MATCH (n:Contact {id: $fromId}) RETURN n
  UNION MATCH (n:Lead {id: $fromId}) RETURN n
  UNION MATCH (n:Deal {id: $fromId}) RETURN n
  UNION MATCH (n:Goal {id: $fromId}) RETURN n
}
WITH n AS a LIMIT 1
CALL () {
  MATCH (n:Partner {id: $toId}) RETURN n
  UNION MATCH (n:Partnership {id: $toId}) RETURN n
  UNION MATCH (n:Program {id: $toId}) RETURN n
  UNION MATCH (n:Customer {id: $toId}) RETURN n
  UNION MATCH (n:Contact {id: $toId}) RETURN n
  UNION MATCH (n:Lead {id: $toId}) RETURN n
  UNION MATCH (n:Deal {id: $toId}) RETURN n
  UNION MATCH (n:Goal {id: $toId}) RETURN n
}
WITH a, n AS b LIMIT 1
MATCH path = shortestPath((a)-[*..6]-(b))
WITH path
WHERE length(path) <= $maxHops
  AND ($scope IS NULL OR all(n IN nodes(path) WHERE
    (n:Partner AND n.id IN $scope)
    OR (n:Program AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(n) WHERE x.id IN $scope })
    OR (n:Partnership AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(n) WHERE x.id IN $scope })
    OR (n:Deal AND EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(n) WHERE x.id IN $scope })
    OR (n:Customer AND (EXISTS { MATCH (x:Partner)-[:SERVES]->(n) WHERE x.id IN $scope }
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(n) WHERE x.id IN $scope }))
    OR (n:Contact AND EXISTS { MATCH (n)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(x:Partner) WHERE x.id IN $scope })
    OR (n:Lead AND EXISTS { MATCH (n)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope })
    OR (n:Goal AND EXISTS { MATCH (x:Partner)-[:HAS_GOAL]->(n) WHERE x.id IN $scope })))
RETURN [n IN nodes(path) | {id: n.id, label: labels(n)[0], title: coalesce(n.name, n.id), props: properties(n)}] AS nodes,
       [r IN relationships(path) | {source: startNode(r).id, target: endNode(r).id, type: type(r), props: properties(r)}] AS edges;
