// Change events with sequence numbers in ($after, $until], oldest first:
// subscription replay, the graph broker and the webhook worker read the log
// through this. Sequence numbers are dense (a rolled-back write takes none),
// so the window is a list of unique-index lookups, however long the log.
// Callers keep $until at or below the head they read before, so every entry
// in the window has committed. $types (empty = all) holds entity types
// (`Deal`) or `Type.operation` (`Deal.update`); $scope as everywhere (a
// RESELLS_FOR entry only when its distributor is in it: graph_api/events/model.py).
UNWIND range($after + 1, $until) AS wanted
MATCH (ch:Change {seq: wanted})
WHERE (size($types) = 0 OR ch.entityType IN $types
       OR (ch.entityType + '.' + ch.operation) IN $types)
  AND ($scope IS NULL OR any(x IN ch.partnerIds WHERE x IN $scope))
  AND ($scope IS NULL OR ch.entityType <> 'RESELLS_FOR' OR last(split(ch.entityId, '->')) IN $scope)
WITH ch
ORDER BY ch.seq
RETURN ch {.*} AS change
