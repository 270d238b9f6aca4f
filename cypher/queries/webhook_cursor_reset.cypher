// The change log was reset (restored, or emptied in a test): the endpoint
// starts again from its beginning.
MATCH (e:WebhookEndpoint {id: $endpointId})
SET e.cursor = 0
RETURN e.id AS id
