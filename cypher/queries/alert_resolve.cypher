// An alert's condition cleared: resolve it, unless that happened meanwhile (the
// node is locked before its status is read). Returns the alert before and after.
MATCH (a:Alert {id: $id})
SET a.lock = true
WITH a
REMOVE a.lock
WITH a, a {.*} AS before
WHERE a.status IN ['open', 'acknowledged']
SET a.status = 'resolved', a.resolvedAt = $at, a.updatedAt = $at
RETURN before, a {.*} AS after
