// Analyst twin of cypher/queries/change_page.cypher, the query behind the GraphQL
// field changes(entityId, first, after): the audit trail. Identical statement
// (generated from that file by `graph-api generate-cypher`; edit the query, or the
// examples in graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after
// the :param lines (edit the values; the examples name the demo graph of
// seed/demo.jsonl). Each (:Change) entry holds who (actor), when (at), which entity
// (entityType, entityId), the operation, the changed fields and their before/after
// values (JSON), and the partner ids it concerns; seq orders them.

:param entityId => null;
:param scope => null;
:param skip => 0;
:param limit => 25;

// One page of change-log entries, newest first, plus the total. $entityId
// (null = all entities) narrows to one entity; within a $scope only entries
// whose partnerIds meet the scope are visible (a RESELLS_FOR entry only when
// its distributor is in it, as graph_api/events/model.py says).
CALL () {
  MATCH (ch:Change)
  WHERE ($entityId IS NULL OR ch.entityId = $entityId)
    AND ($scope IS NULL OR any(x IN ch.partnerIds WHERE x IN $scope))
    AND ($scope IS NULL OR ch.entityType <> 'RESELLS_FOR' OR last(split(ch.entityId, '->')) IN $scope)
  RETURN count(ch) AS total
}
CALL () {
  MATCH (ch:Change)
  WHERE ($entityId IS NULL OR ch.entityId = $entityId)
    AND ($scope IS NULL OR any(x IN ch.partnerIds WHERE x IN $scope))
    AND ($scope IS NULL OR ch.entityType <> 'RESELLS_FOR' OR last(split(ch.entityId, '->')) IN $scope)
  WITH ch ORDER BY ch.seq DESC
  SKIP $skip LIMIT $limit
  RETURN collect(ch {.*}) AS items
}
RETURN total, items;
