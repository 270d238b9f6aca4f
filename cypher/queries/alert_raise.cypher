// Raise the alert of condition $key unless one is open or acknowledged. The rule
// node is locked (SET) before the check, so of two concurrent evaluations on a
// locking store the second waits and then sees the first one's alert; on an
// optimistic store the loser fails at commit and is retried. Both would create
// the same id (the key and the count of earlier alerts), which the uniqueness
// constraint refuses too. `created` is false when nothing was raised.
MATCH (r:AlertRule {id: $ruleId}), (p:Partner {id: $partnerId})
SET r.lock = true
WITH r, p
REMOVE r.lock
WITH r, p
OPTIONAL MATCH (a:Alert {key: $key})
WITH r, p, count(a) AS seen, count(CASE WHEN a.status <> 'resolved' THEN 1 END) AS live
WITH r, p, seen, live, $key + ':' + toString(seen + 1) AS id
FOREACH (_ IN CASE WHEN live = 0 THEN [1] ELSE [] END |
  CREATE (r)<-[:RAISED_BY]-(:Alert {
    id: id, key: $key, ruleId: r.id, kind: r.kind, subjectType: $subjectType,
    subjectId: $subjectId, partnerId: p.id, status: 'open', detail: $detail,
    raisedAt: $at, createdAt: $at, updatedAt: $at
  })-[:CONCERNS]->(p))
RETURN live = 0 AS created, id
