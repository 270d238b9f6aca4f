// Every active endpoint, for the delivery worker (includes the secret).
MATCH (e:WebhookEndpoint)
WHERE e.active = true
RETURN e {.*} AS endpoint
ORDER BY e.id
