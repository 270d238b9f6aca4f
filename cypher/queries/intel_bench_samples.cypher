// graph-api bench: ids to spread the benchmark's arguments over (setup only,
// never timed): partners and deals with credit, registered deals, customers,
// consenting partner pairs, and the span of close dates.
CALL () {
  MATCH (p:Partner)
  WHERE EXISTS { (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(:Deal) }
  WITH p ORDER BY p.id LIMIT $limit
  RETURN collect(p.id) AS partners
}
CALL () {
  MATCH (ps:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WITH DISTINCT d ORDER BY d.id LIMIT $limit
  RETURN collect(d.id) AS deals
}
CALL () {
  MATCH (ps:Partnership)-[:REGISTERED]->(d:Deal)
  WITH DISTINCT d ORDER BY d.id LIMIT $limit
  RETURN collect(d.id) AS registeredDeals
}
CALL () {
  MATCH (c:Customer)
  WITH c ORDER BY c.id LIMIT $limit
  RETURN collect(c.id) AS customers
}
CALL () {
  MATCH (q:Partner)-[:SHARES_WITH]->(p:Partner)
  WITH p, q ORDER BY p.id, q.id LIMIT $limit
  RETURN collect([p.id, q.id]) AS consents
}
CALL () {
  MATCH (d:Deal)
  WHERE d.closeDate IS NOT NULL
  RETURN max(d.closeDate) AS lastClose
}
RETURN partners, deals, registeredDeals, customers, consents, lastClose
