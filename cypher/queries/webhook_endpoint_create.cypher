// Register a webhook endpoint. Delivery starts after the newest change at
// registration time ($endpoint.cursor is ignored when the log is newer).
OPTIONAL MATCH (s:Sequence {name: 'change'})
CREATE (e:WebhookEndpoint {
  id: $endpoint.id, url: $endpoint.url, eventTypes: $endpoint.eventTypes,
  secret: $endpoint.secret, active: $endpoint.active, description: $endpoint.description,
  ownerSub: $endpoint.ownerSub, ownerPartnerId: $endpoint.ownerPartnerId,
  cursor: coalesce(s.value, 0),
  createdAt: datetime(), updatedAt: datetime()
})
RETURN e {.*} AS endpoint
