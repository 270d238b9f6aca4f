// Alert condition `deal stalled`: an open deal credited to or registered by a
// partner (of $partners; all when null) has not changed since before $before
// (now - the rule's days).
MATCH (p:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d:Deal)
WHERE d.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
  AND d.updatedAt < $before AND ($partners IS NULL OR p.id IN $partners)
WITH DISTINCT p, d
RETURN 'Deal' AS subjectType, d.id AS subjectId, p.id AS partnerId,
       {dealId: d.id, dealName: d.name, stage: d.stage, updatedAt: toString(d.updatedAt)}
         AS detail
