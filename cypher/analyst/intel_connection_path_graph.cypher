// Neo4j Browser variant of intel_connection_path.cypher (GraphQL connectionPath):
// the shortest path between two entities by id, returned as a path so Browser
// draws it. Up to 6 hops, kept only if it has at most $maxHops. For analysts,
// so it applies no partner scope.

:param fromId => 'partner-granite-peak-it';
:param toId => 'deal-161';
:param maxHops => 4;

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
RETURN path;
