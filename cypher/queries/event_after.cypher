// Change events after a sequence number, oldest first: subscription replay,
// the graph broker and the webhook worker read the log through this. $types
// (empty = all) holds entity types (`Deal`) or `Type.operation` (`Deal.update`);
// $scope as everywhere (null = unrestricted).
MATCH (ch:Change)
WHERE ch.seq > $after
  AND (size($types) = 0 OR ch.entityType IN $types
       OR (ch.entityType + '.' + ch.operation) IN $types)
  AND ($scope IS NULL OR any(x IN ch.partnerIds WHERE x IN $scope))
WITH ch
ORDER BY ch.seq
LIMIT $limit
RETURN ch {.*} AS change
