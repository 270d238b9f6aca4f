// Append change entries in the writing transaction. The sequence counter is
// read and bumped here, so a rolled-back write consumes no number and leaves
// no entry. $changes: list of maps {id, entityType, entityId, operation,
// before, after (JSON strings), changedFields, partnerIds}.
MERGE (s:Sequence {name: 'change'})
ON CREATE SET s.value = 0
WITH s, s.value AS base
SET s.value = base + size($changes)
WITH base
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS seq, $changes[i] AS c
CREATE (ch:Change {
  id: c.id, seq: seq, at: datetime(), actor: $actor,
  entityType: c.entityType, entityId: c.entityId, operation: c.operation,
  before: c.before, after: c.after, changedFields: c.changedFields, partnerIds: c.partnerIds
})
RETURN ch.seq AS seq, ch.at AS at
ORDER BY seq
