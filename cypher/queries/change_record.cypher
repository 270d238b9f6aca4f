// Append change entries in the writing transaction, as its last statement.
// The counter is locked before it is read: the first SET takes the node's write
// lock, so on a locking store (Neo4j) a concurrent writer waits here and then
// reads the value the previous one committed; on an optimistic store
// (ArcadeDB) the loser of a race fails at commit and the store layer retries
// the whole transaction (graph_api/store.py). A rolled-back write consumes no
// number and leaves no entry, so the log has neither gaps nor duplicates.
// $changes: list of maps {id, actor, actorRole, entityType, entityId, operation,
// before, after (JSON strings), changedFields, partnerIds}.
MERGE (s:Sequence {name: 'change'})
ON CREATE SET s.value = 0
SET s.lock = true
WITH s
WITH s, s.value AS base
SET s.value = base + size($changes)
REMOVE s.lock
WITH base
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS seq, $changes[i] AS c
CREATE (ch:Change {
  id: c.id, seq: seq, at: datetime(), actor: c.actor, actorRole: c.actorRole,
  entityType: c.entityType, entityId: c.entityId, operation: c.operation,
  before: c.before, after: c.after, changedFields: c.changedFields, partnerIds: c.partnerIds
})
RETURN ch.seq AS seq, ch.at AS at
ORDER BY seq
