// The endpoint a delivery belongs to, within the caller's $scope.
MATCH (e:WebhookEndpoint)-[:HAS_DELIVERY]->(d:Delivery {id: $id})
WHERE $scope IS NULL OR e.ownerPartnerId IN $scope
RETURN e.id AS endpointId, d.status AS status
