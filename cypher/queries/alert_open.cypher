// Evaluation: the open and acknowledged alerts of the rules $ruleIds, of the
// partners $partners (all when null).
MATCH (a:Alert)-[:RAISED_BY]->(r:AlertRule)
WHERE r.id IN $ruleIds AND a.status IN ['open', 'acknowledged']
  AND ($partners IS NULL OR a.partnerId IN $partners)
RETURN a.id AS id, a.key AS key, a.ruleId AS ruleId, a.partnerId AS partnerId,
       a {.*} AS alert
