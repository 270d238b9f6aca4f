// The webhook outbox, for /metrics: change events active endpoints have yet to
// receive (after their cursors), when the oldest of them was recorded, and the
// deliveries waiting for a retry or replay (each endpoint's `owed`) or given up.
OPTIONAL MATCH (s:Sequence {name: 'change'})
WITH coalesce(s.value, 0) AS head
OPTIONAL MATCH (e:WebhookEndpoint)
WHERE e.active = true
WITH head,
     sum(CASE WHEN e IS NULL OR coalesce(e.cursor, 0) >= head THEN 0
              ELSE head - coalesce(e.cursor, 0) END) AS depth,
     min(CASE WHEN e IS NULL THEN head ELSE coalesce(e.cursor, 0) END) AS lowest,
     sum(CASE WHEN e IS NULL THEN 0 ELSE coalesce(e.owed, 0) END) AS retrying
OPTIONAL MATCH (first:Change {seq: lowest + 1})
RETURN depth, retrying, first.at AS oldestPendingAt,
       COUNT { MATCH (d:Delivery) WHERE d.status = 'dead' } AS dead
