// Remove one REGISTERED edge; returns its properties, or nothing when absent.
// With $pendingOnly (a partner withdrawing) only a pending registration goes:
// the status is read under the edge's write lock, as in ingest_registration_write.
MATCH (a:Partnership {id: $partnershipId})-[r:REGISTERED]->(b:Deal {id: $dealId})
SET r.lock = true
WITH r, NOT $pendingOnly OR coalesce(r.status, 'pending') = 'pending' AS allowed
REMOVE r.lock
WITH r, allowed
WHERE allowed
WITH r, r {.*} AS props
DELETE r
RETURN props
