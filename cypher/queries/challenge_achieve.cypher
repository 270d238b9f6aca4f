// Record that $partnerId reached challenge $id, once. The challenge node is locked
// (SET) before the check, so of two concurrent evaluations on a locking store the
// second waits and then sees the first one's edge; on an optimistic store the
// loser fails at commit and is retried. `created` is false when it was recorded.
MATCH (c:Challenge {id: $id}), (p:Partner {id: $partnerId})
SET c.lock = true
WITH c, p
REMOVE c.lock
WITH c, p, COUNT { (p)-[:ACHIEVED]->(c) } > 0 AS known
FOREACH (_ IN CASE WHEN known THEN [] ELSE [1] END |
  CREATE (p)-[:ACHIEVED {at: $at, value: $value}]->(c))
RETURN NOT known AS created
