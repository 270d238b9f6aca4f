// campaignEffectiveness: a campaign, the partners running it through their
// partnerships, its leads (SOURCED_FROM it) with the partnership that referred
// each and the deals each converted to, and its deals (SOURCED_FROM it, or
// converted from its leads) with the partnerships credited on each.
// $scope (null: everything) limits it to campaigns a partner in scope runs, and
// to those partners' leads (REFERRED_BY) and deals (ATTRIBUTED).
MATCH (c:Campaign {id: $campaignId})
WHERE $scope IS NULL
   OR EXISTS { (c)<-[:RUNS]-(:Partnership)<-[:HOLDS]-(sp:Partner) WHERE sp.id IN $scope }
CALL (c) {
  OPTIONAL MATCH (c)<-[:RUNS]-(ps:Partnership)<-[:HOLDS]-(p:Partner)
  WITH p, collect(DISTINCT ps.id) AS partnerships ORDER BY p.id
  RETURN count(p) AS participants,
         collect(CASE WHEN p IS NULL OR ($scope IS NOT NULL AND NOT p.id IN $scope) THEN null
                 ELSE {id: p.id, name: p.name, partnerships: partnerships} END) AS partners
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:SOURCED_FROM]-(l:Lead)
  WHERE $scope IS NULL
     OR EXISTS { (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope }
  OPTIONAL MATCH (l)-[:REFERRED_BY]->(lps:Partnership)
  OPTIONAL MATCH (l)-[:CONVERTED_TO]->(ld:Deal)
  WITH l, lps, collect(DISTINCT ld.id) AS dealIds ORDER BY l.id
  RETURN collect(CASE WHEN l IS NULL THEN null
                 ELSE {id: l.id, partnershipId: lps.id, dealIds: dealIds} END) AS leads
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:SOURCED_FROM]-(d1:Deal)
  WITH c, collect(DISTINCT d1.id) AS direct
  OPTIONAL MATCH (c)<-[:SOURCED_FROM]-(:Lead)-[:CONVERTED_TO]->(d2:Deal)
  WITH direct, collect(DISTINCT d2.id) AS converted
  RETURN direct + [x IN converted WHERE NOT x IN direct] AS dealIds
}
CALL (dealIds) {
  UNWIND dealIds AS dealId
  MATCH (d:Deal {id: dealId})
  WHERE $scope IS NULL
     OR EXISTS { (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(dp:Partner) WHERE dp.id IN $scope }
  OPTIONAL MATCH (d)<-[:ATTRIBUTED]-(dps:Partnership)
  WITH d, collect(DISTINCT dps.id) AS partnershipIds ORDER BY d.id
  RETURN collect({id: d.id, amount: d.amount, currency: d.currency, stage: d.stage,
                  partnershipIds: partnershipIds}) AS deals
}
RETURN c {.id, .name, .channel, .startDate, .endDate, .budget, .currency} AS campaign,
       participants, partners, leads, deals
