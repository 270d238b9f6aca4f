// One endpoint's delivery state for the worker: its cursor and the
// lowest-sequence delivery still owed (a retry or a replay), with its event.
MATCH (e:WebhookEndpoint {id: $id})
OPTIONAL MATCH (e)-[:HAS_DELIVERY]->(d:Delivery)
WHERE d.status IN ['retrying', 'replay']
WITH e, d ORDER BY d.seq
WITH e, head(collect(d)) AS owed
OPTIONAL MATCH (ch:Change {id: owed.changeId})
RETURN e {.*} AS endpoint, owed {.*} AS delivery, ch {.*} AS change
