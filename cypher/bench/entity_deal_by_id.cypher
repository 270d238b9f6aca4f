// graph-api bench, entity suite, reference for shape "dealById": one deal by
// id with its customer and its credits (largest share first), each with the
// credited partner.
MATCH (d:Deal {id: $dealId})
CALL (d) {
  OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(s:Partnership)<-[:HOLDS]-(cp:Partner)
  WITH cp, s, a ORDER BY a.share DESC, s.id LIMIT $credits
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {
    partnershipId: s.id, role: toUpper(a.role), share: a.share,
    partner: {id: cp.id, name: cp.name}
  } END) AS credits
}
RETURN {
  id: d.id, name: d.name, amount: d.amount, stage: toUpper(d.stage), closeDate: d.closeDate,
  customer: [(d)-[:FOR]->(c:Customer) | {id: c.id, name: c.name}][0],
  attributions: {nodes: credits}
} AS deal
