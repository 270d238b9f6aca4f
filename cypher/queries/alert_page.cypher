// alerts: alerts of the partners $partners (all when null) within $scope (all when
// null), of status $status (any when null), latest first.
MATCH (a:Alert)
WHERE ($partners IS NULL OR a.partnerId IN $partners)
  AND ($scope IS NULL OR a.partnerId IN $scope)
  AND ($status IS NULL OR a.status = $status)
RETURN a {.*} AS alert
ORDER BY a.raisedAt DESC, a.id
LIMIT $limit
