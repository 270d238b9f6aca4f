// acknowledgeAlert: an open alert of a partner in $scope (any when null) becomes
// acknowledged; one in another state stays as it is. No row: no such alert is
// visible. The node is locked before its status is read.
MATCH (a:Alert {id: $id})
WHERE $scope IS NULL OR a.partnerId IN $scope
SET a.lock = true
WITH a
REMOVE a.lock
WITH a, a {.*} AS before
FOREACH (_ IN CASE WHEN a.status = 'open' THEN [1] ELSE [] END |
  SET a.status = 'acknowledged', a.acknowledgedAt = $at, a.acknowledgedBy = $by,
      a.updatedAt = $at)
RETURN before, a {.*} AS after
