// One endpoint for the delivery worker: its cursor, filters, secret, and
// `owed`, how many of its deliveries wait for a retry or a replay.
MATCH (e:WebhookEndpoint {id: $id})
RETURN e {.*} AS endpoint
