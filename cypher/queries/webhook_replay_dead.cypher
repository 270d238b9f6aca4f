// Queue dead-lettered deliveries of an endpoint the caller may manage for
// another round of attempts ($deliveryId null = all of them).
MATCH (e:WebhookEndpoint {id: $endpointId})
WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
OPTIONAL MATCH (e)-[:HAS_DELIVERY]->(d:Delivery {status: 'dead'})
WHERE $deliveryId IS NULL OR d.id = $deliveryId
SET d.status = 'replay', d.attempts = 0, d.nextAttemptAt = null, d.updatedAt = datetime()
WITH e, count(d) AS replayed
SET e.owed = coalesce(e.owed, 0) + replayed
RETURN e.id AS endpointId, replayed
