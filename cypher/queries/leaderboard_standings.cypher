// leaderboard and challenge progress: for each population of $populations
// ({key, metric, from, to, tier, region, programId}; a null filter matches any
// partner, programId: a partnership in that program), every partner of it (among
// $members unless null) with its value of the metric over [from, to] (inclusive), and whether
// $viewer may see its name: itself, a partner in $scope, or one that SHARES_WITH
// the viewer at `overlaps` or `full`. Only the sections the metric needs do work.
//   won_value         sum of credited deals won (closeDate in the period)
//   registered_deals  deals its partnerships registered (date(at) in the period)
//   co_sell_wins      credited deals won that another partner is credited on too
//   certifications    CERTIFIED edges issued in the period to contacts that WORK_FOR it
//   win_rate          won / closed credited deals (null with none closed)
UNWIND $populations AS pop
MATCH (p:Partner)
WHERE ($members IS NULL OR p.id IN $members)
  AND (pop.tier IS NULL OR p.tier = pop.tier) AND (pop.region IS NULL OR p.region = pop.region)
  AND (pop.programId IS NULL
       OR EXISTS { MATCH (p)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g:Program) WHERE g.id = pop.programId })
CALL (p, pop) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE pop.metric IN ['won_value', 'win_rate']
    AND d.stage IN ['won', 'lost'] AND d.closeDate >= pop.from AND d.closeDate <= pop.to
  WITH DISTINCT d
  RETURN sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonValue,
         count(CASE WHEN d.stage = 'won' THEN 1 END) AS won,
         count(d) AS closed
}
CALL (p, pop) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(q:Partner)
  WHERE pop.metric = 'co_sell_wins' AND q <> p
    AND d.stage = 'won' AND d.closeDate >= pop.from AND d.closeDate <= pop.to
  RETURN count(DISTINCT d) AS coSellWins
}
CALL (p, pop) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
  WHERE pop.metric = 'registered_deals' AND date(r.at) >= pop.from AND date(r.at) <= pop.to
  RETURN count(DISTINCT d) AS registered
}
CALL (p, pop) {
  OPTIONAL MATCH (p)<-[:WORKS_FOR]-(:Contact)-[c:CERTIFIED]->(:Course)
  WHERE pop.metric = 'certifications' AND c.issuedDate >= pop.from AND c.issuedDate <= pop.to
  RETURN count(c) AS certifications
}
CALL (p) {
  OPTIONAL MATCH (p)-[sw:SHARES_WITH]->(:Partner {id: $viewer})
  WHERE sw.level IN ['overlaps', 'full']
  RETURN count(sw) > 0 AS consents
}
RETURN pop.key AS key, p {.id, .name, .kind, .tier, .region} AS partner,
       p.id = $viewer OR ($scope IS NOT NULL AND p.id IN $scope) OR consents AS named,
       CASE pop.metric
         WHEN 'won_value' THEN wonValue
         WHEN 'registered_deals' THEN toFloat(registered)
         WHEN 'co_sell_wins' THEN toFloat(coSellWins)
         WHEN 'certifications' THEN toFloat(certifications)
         WHEN 'win_rate' THEN CASE WHEN closed = 0 THEN null ELSE toFloat(won) / closed END
       END AS value
ORDER BY key, p.id
