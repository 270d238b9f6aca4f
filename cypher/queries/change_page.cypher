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
RETURN total, items
