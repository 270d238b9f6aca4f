// The lowest-sequence delivery an endpoint still owes (a retry or a replay),
// with its event. Only read when the endpoint's `owed` count is above zero.
MATCH (e:WebhookEndpoint {id: $id})-[:HAS_DELIVERY]->(d:Delivery)
WHERE d.status IN ['retrying', 'replay']
WITH d ORDER BY d.seq
LIMIT 1
OPTIONAL MATCH (ch:Change {id: d.changeId})
RETURN d {.*} AS delivery, ch {.*} AS change
