// graph-api bench, entity suite, reference for shape "partnerWon": how many
// won deals one partner is credited on that closed in [$from, $to], and their
// value; the deal counts once however many of its partnerships are credited.
MATCH (p:Partner {id: $partnerId})
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage = 'won' AND d.closeDate >= $from AND d.closeDate <= $to
  WITH DISTINCT d
  RETURN count(d) AS won, sum(coalesce(d.amount, 0.0)) AS value
}
RETURN {wonDeals: won, wonValue: value} AS partnerDashboard
