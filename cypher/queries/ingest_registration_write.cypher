// Create or update REGISTERED edges; props holds only the changed properties.
// $rows: [{partnershipId, dealId, props, pendingOnly}]
// A partner's row (pendingOnly) may only touch a registration that is still
// pending: the vendor's approval or rejection is final for partners. The status
// is read under the edge's write lock (the first SET takes it), so on a locking
// store a concurrent approve either committed before (and is seen here) or
// waits; on an optimistic store the loser of the race fails at commit and is
// retried. A refused row writes nothing and comes back with allowed = false.
UNWIND $rows AS row
MATCH (a:Partnership {id: row.partnershipId})
MATCH (b:Deal {id: row.dealId})
MERGE (a)-[r:REGISTERED]->(b)
SET r.lock = true
WITH row, r,
     NOT coalesce(row.pendingOnly, false) OR coalesce(r.status, 'pending') = 'pending' AS allowed
REMOVE r.lock
SET r += CASE WHEN allowed THEN row.props ELSE {} END
RETURN row.partnershipId AS partnershipId, row.dealId AS dealId, allowed
