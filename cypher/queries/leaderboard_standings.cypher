// leaderboard (and challenge progress): every partner of the population
// ($tier, $region, $programId: a partnership in that program; null = any) with its
// value of $metric over [$from, $to] (inclusive), and whether $viewer may see its
// name: itself, a partner in the viewer's $scope, or one that SHARES_WITH the
// viewer at `overlaps` or `full`. Only the section the metric needs does work.
//   won_value         sum of credited deals won (closeDate in the period)
//   registered_deals  deals its partnerships registered (date(at) in the period)
//   co_sell_wins      credited deals won that another partner is credited on too
//   certifications    CERTIFIED edges issued in the period to contacts that WORK_FOR it
//   win_rate          won / closed credited deals (null with none closed)
MATCH (p:Partner)
WHERE ($tier IS NULL OR p.tier = $tier) AND ($region IS NULL OR p.region = $region)
  AND ($programId IS NULL
       OR EXISTS { (p)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(:Program {id: $programId}) })
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE $metric IN ['won_value', 'co_sell_wins', 'win_rate']
    AND d.stage IN ['won', 'lost'] AND d.closeDate >= $from AND d.closeDate <= $to
  WITH DISTINCT d
  RETURN sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonValue,
         count(CASE WHEN d.stage = 'won' THEN 1 END) AS won,
         count(d) AS closed
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(q:Partner)
  WHERE $metric = 'co_sell_wins' AND q <> p
    AND d.stage = 'won' AND d.closeDate >= $from AND d.closeDate <= $to
  RETURN count(DISTINCT d) AS coSellWins
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
  WHERE $metric = 'registered_deals' AND date(r.at) >= $from AND date(r.at) <= $to
  RETURN count(DISTINCT d) AS registered
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:WORKS_FOR]-(:Contact)-[c:CERTIFIED]->(:Course)
  WHERE $metric = 'certifications' AND c.issuedDate >= $from AND c.issuedDate <= $to
  RETURN count(c) AS certifications
}
CALL (p) {
  OPTIONAL MATCH (p)-[sw:SHARES_WITH]->(:Partner {id: $viewer})
  WHERE sw.level IN ['overlaps', 'full']
  RETURN count(sw) > 0 AS consents
}
WITH p, wonValue, won, closed, coSellWins, registered, certifications,
     p.id = $viewer OR ($scope IS NOT NULL AND p.id IN $scope) OR consents AS named
RETURN p {.id, .name, .kind, .tier, .region} AS partner, named,
       CASE $metric
         WHEN 'won_value' THEN wonValue
         WHEN 'registered_deals' THEN toFloat(registered)
         WHEN 'co_sell_wins' THEN toFloat(coSellWins)
         WHEN 'certifications' THEN toFloat(certifications)
         WHEN 'win_rate' THEN CASE WHEN closed = 0 THEN null ELSE toFloat(won) / closed END
       END AS value
ORDER BY p.id
