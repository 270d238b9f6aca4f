// Webhook endpoints by id that the caller manages ($owners: null = any endpoint,
// else only endpoints registered by one of these partners).
UNWIND $ids AS wanted
MATCH (e:WebhookEndpoint {id: wanted})
WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
RETURN e.id AS id, e {.*} AS node
