// Neo4j Browser variant of intel_relationship_view.cypher (GraphQL relationshipView):
// the same neighbourhood of one entity, returned as paths so Browser draws the
// graph canvas instead of a table. For analysts, so it applies no partner scope.
// The depth is the upper bound of the pattern (*1..2); a Cypher pattern cannot
// take it as a parameter, so edit it there (3 at most, as the API allows).
// $limit caps the paths drawn around hubs.

:param rootId => 'partner-granite-peak-it';
:param types => ['HOLDS', 'IN_PROGRAM', 'ATTRIBUTED', 'REGISTERED', 'FOR', 'SERVES', 'WORKS_AT', 'REFERRED_BY', 'CONVERTED_TO', 'RESELLS_FOR', 'SHARES_WITH', 'HAS_GOAL'];
:param limit => 200;

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
MATCH path = (root)-[*1..2]-()
WHERE all(r IN relationships(path) WHERE type(r) IN $types)
RETURN path
LIMIT $limit;
