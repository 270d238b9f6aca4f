// Change an endpoint the caller manages ($owners: null = any endpoint, else only
// endpoints registered by one of these partners). Null fields stay as they are.
MATCH (e:WebhookEndpoint {id: $id})
WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
SET e.url = coalesce($url, e.url),
    e.eventTypes = coalesce($eventTypes, e.eventTypes),
    e.active = coalesce($active, e.active),
    e.description = coalesce($description, e.description),
    e.secret = coalesce($secret, e.secret),
    e.updatedAt = datetime()
RETURN e {.*} AS endpoint
