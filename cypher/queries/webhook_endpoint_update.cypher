// Change an endpoint the caller may manage ($scope: null = any endpoint, else
// only endpoints owned by a partner in the scope). Null fields stay as they are.
MATCH (e:WebhookEndpoint {id: $id})
WHERE $scope IS NULL OR e.ownerPartnerId IN $scope
SET e.url = coalesce($url, e.url),
    e.eventTypes = coalesce($eventTypes, e.eventTypes),
    e.active = coalesce($active, e.active),
    e.description = coalesce($description, e.description),
    e.secret = coalesce($secret, e.secret),
    e.updatedAt = datetime()
RETURN e {.*} AS endpoint
