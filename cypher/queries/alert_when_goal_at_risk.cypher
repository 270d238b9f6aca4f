// Alert condition `goal at risk`, its candidates: the goals of partners (of
// $partners; all when null) whose period contains $today, with the value reached
// so far (as partnerDashboard computes it). Whether one is behind the straight line
// to its target is decided by the caller (graph_api/alerts/rules.py).
MATCH (p:Partner)-[:HAS_GOAL]->(g:Goal)
WHERE g.periodStart <= $today AND g.periodEnd >= $today
  AND ($partners IS NULL OR p.id IN $partners)
CALL (p, g) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage = 'won' AND d.closeDate >= g.periodStart AND d.closeDate <= g.periodEnd
  WITH DISTINCT d
  RETURN sum(coalesce(d.amount, 0.0)) AS wonValue, count(d) AS wonDeals
}
CALL (p, g) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(l:Lead)
  WHERE l.convertedDate >= g.periodStart AND l.convertedDate <= g.periodEnd
    AND EXISTS { (l)-[:CONVERTED_TO]->(:Deal) }
  WITH DISTINCT l
  RETURN count(l) AS leads
}
CALL (p, g) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
  WHERE date(r.at) >= g.periodStart AND date(r.at) <= g.periodEnd
  RETURN count(DISTINCT d) AS registrations
}
CALL (p, g) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
    AND d.createdDate >= g.periodStart AND d.createdDate <= g.periodEnd
  WITH DISTINCT d
  RETURN sum(coalesce(d.amount, 0.0)) AS pipeline
}
RETURN 'Goal' AS subjectType, g.id AS subjectId, p.id AS partnerId,
       {goalId: g.id, metric: g.metric, target: g.target,
        periodStart: toString(g.periodStart), periodEnd: toString(g.periodEnd),
        actual: CASE g.metric
          WHEN 'won_value' THEN wonValue
          WHEN 'deals_won' THEN toFloat(wonDeals)
          WHEN 'leads_converted' THEN toFloat(leads)
          WHEN 'registrations' THEN toFloat(registrations)
          WHEN 'pipeline_value' THEN pipeline
        END} AS detail
