// Record a failed attempt: the delivery waits for a retry ($status 'retrying'
// or 'replay') or is dead-lettered ('dead'). A dead-lettered head event
// releases the endpoint's order: its cursor moves past it. `owed` counts the
// endpoint's deliveries waiting for another attempt.
MATCH (e:WebhookEndpoint {id: $endpointId})
MERGE (d:Delivery {id: $id})
ON CREATE SET d.endpointId = e.id, d.seq = $seq, d.changeId = $changeId,
              d.eventType = $eventType, d.createdAt = datetime(), d.status = 'new'
WITH e, d, d.status IN ['retrying', 'replay'] AS wasOwed
MERGE (e)-[:HAS_DELIVERY]->(d)
SET d.status = $status, d.attempts = $attempts, d.lastError = $error,
    d.httpStatus = $httpStatus, d.nextAttemptAt = $nextAttemptAt, d.updatedAt = datetime(),
    e.lastError = $error, e.lastErrorAt = datetime(),
    e.cursor = CASE WHEN $status = 'dead' AND $seq > e.cursor THEN $seq ELSE e.cursor END,
    e.owed = coalesce(e.owed, 0)
             + CASE WHEN $status IN ['retrying', 'replay'] THEN 1 ELSE 0 END
             - CASE WHEN wasOwed THEN 1 ELSE 0 END
RETURN d {.*} AS delivery
