// graph-api bench, entity suite, reference for shape "bigWins": won deals of
// at least $minAmount, largest first (ties by id), the first $first, each with
// its customer and its credits (largest share first) and credited partners.
MATCH (d:Deal)
WHERE d.stage = 'won' AND d.amount >= $minAmount
WITH d ORDER BY d.amount DESC, d.id LIMIT $first
CALL (d) {
  OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(s:Partnership)<-[:HOLDS]-(cp:Partner)
  WITH cp, s, a ORDER BY a.share DESC, s.id LIMIT $credits
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {
    partnershipId: s.id, role: toUpper(a.role), share: a.share,
    partner: {id: cp.id, name: cp.name}
  } END) AS credits
}
RETURN {nodes: collect({
  id: d.id, name: d.name, amount: d.amount, closeDate: d.closeDate,
  customer: [(d)-[:FOR]->(c:Customer) | {id: c.id, name: c.name}][0],
  attributions: {nodes: credits}
})} AS deals
