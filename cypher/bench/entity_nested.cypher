// graph-api bench, entity suite, reference for shape "nested": the first
// $partners partners by name, each one's first $deals credited deals (latest
// close first) with the customer and every credit (largest share first) with
// the credited partner. The answer in the GraphQL response's shape.
MATCH (p:Partner)
WITH p ORDER BY p.name, p.id LIMIT $partners
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WITH DISTINCT d ORDER BY d.closeDate DESC, d.id LIMIT $deals
  CALL (d) {
    OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(s:Partnership)<-[:HOLDS]-(cp:Partner)
    WITH cp, s, a ORDER BY a.share DESC, s.id LIMIT $credits
    RETURN collect(CASE WHEN a IS NULL THEN null ELSE {
      role: toUpper(a.role), share: a.share, partner: {id: cp.id, name: cp.name}
    } END) AS credits
  }
  RETURN collect(CASE WHEN d IS NULL THEN null ELSE {
    id: d.id, name: d.name, amount: d.amount, stage: toUpper(d.stage),
    customer: [(d)-[:FOR]->(c:Customer) | {id: c.id, name: c.name}][0],
    attributions: {nodes: credits}
  } END) AS deals
}
RETURN {nodes: collect({id: p.id, name: p.name, deals: {nodes: deals}})} AS partners
