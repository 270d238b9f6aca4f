// Deals ATTRIBUTED to any of each partner's partnerships, optionally one $stage,
// sorted by close date (latest first), then id. The page is ordered and cut
// inside the per-partner subquery, so only its deals are projected; the total
// is counted only when asked ($withTotal), and the derived ids only when
// selected ($withCustomerId, $withLeadId), each pattern anchored at the deal.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE $stage IS NULL OR d.stage = $stage
  WITH DISTINCT d
  ORDER BY d.closeDate DESC, d.id
  SKIP $skip LIMIT $limit
  RETURN collect(d {.*,
    customerId: CASE WHEN $withCustomerId THEN [(d)-[:FOR]->(c:Customer) | c.id][0] END,
    leadId: CASE WHEN $withLeadId THEN [(d)<-[:CONVERTED_TO]-(l:Lead)
      WHERE $scope IS NULL OR EXISTS {
        MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope
      } | l.id][0] END}) AS items
}
RETURN pid AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
         WHERE $stage IS NULL OR d.stage = $stage
         RETURN DISTINCT d
       } END AS total,
       items
