// Webhook endpoints by id, within the caller's $scope.
UNWIND $ids AS wanted
MATCH (e:WebhookEndpoint {id: wanted})
WHERE $scope IS NULL OR e.ownerPartnerId IN $scope
RETURN e.id AS id, e {.*} AS node
