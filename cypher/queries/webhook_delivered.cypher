// Record successful deliveries and move the endpoint's cursor forward (never
// back). $deliveries: [{id, seq, changeId, eventType, attempts, httpStatus}].
// Deliveries that were waiting for a retry or replay leave the `owed` count.
MATCH (e:WebhookEndpoint {id: $endpointId})
SET e.cursor = CASE WHEN $cursor > e.cursor THEN $cursor ELSE e.cursor END,
    e.lastSuccessAt = CASE WHEN size($deliveries) > 0 THEN datetime() ELSE e.lastSuccessAt END
WITH e
UNWIND $deliveries AS x
MERGE (d:Delivery {id: x.id})
ON CREATE SET d.endpointId = e.id, d.seq = x.seq, d.changeId = x.changeId,
              d.eventType = x.eventType, d.createdAt = datetime()
WITH e, d, x, d.status IN ['retrying', 'replay'] AS wasOwed
MERGE (e)-[:HAS_DELIVERY]->(d)
SET d.status = 'delivered', d.attempts = x.attempts, d.httpStatus = x.httpStatus,
    d.deliveredAt = datetime(), d.updatedAt = datetime(), d.nextAttemptAt = null
WITH e, sum(CASE WHEN wasOwed THEN 1 ELSE 0 END) AS settled
SET e.owed = coalesce(e.owed, 0) - settled
RETURN settled
