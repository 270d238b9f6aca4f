// One page of webhook endpoints the caller may manage, oldest first, plus the total.
CALL () {
  MATCH (e:WebhookEndpoint)
  WHERE $scope IS NULL OR e.ownerPartnerId IN $scope
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:WebhookEndpoint)
  WHERE $scope IS NULL OR e.ownerPartnerId IN $scope
  WITH e ORDER BY e.createdAt, e.id
  SKIP $skip LIMIT $limit
  RETURN collect(e {.*}) AS items
}
RETURN total, items
