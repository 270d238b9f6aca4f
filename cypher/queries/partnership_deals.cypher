// Deals each partnership is ATTRIBUTED to, sorted by close date (latest first),
// then id; paged inside the per-partnership subquery. Total and derived ids
// only when asked (see partner_deals).
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  MATCH (s)-[:ATTRIBUTED]->(d:Deal)
  WITH d ORDER BY d.closeDate DESC, d.id
  SKIP $skip LIMIT $limit
  RETURN collect(d {.*,
    customerId: CASE WHEN $withCustomerId THEN [(d)-[:FOR]->(c:Customer) | c.id][0] END,
    leadId: CASE WHEN $withLeadId THEN [(d)<-[:CONVERTED_TO]-(l:Lead)
      WHERE $scope IS NULL OR EXISTS {
        MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope
      } | l.id][0] END}) AS items
}
RETURN sid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (s)-[:ATTRIBUTED]->(:Deal) } END AS total,
       items
