// The change-log entries of alerts, in commit order.
MATCH (ch:Change {entityType: 'Alert'})
RETURN ch.entityId AS entityId, ch.operation AS operation, ch.partnerIds AS partnerIds
ORDER BY ch.seq
