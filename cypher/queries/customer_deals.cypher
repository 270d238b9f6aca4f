// Deals FOR each customer, only those credited to or registered by an
// in-scope partner's partnership (checked from the deal); sorted by close date
// (latest first), then id; paged inside the per-customer subquery. Total and
// leadId only when asked (see partner_deals).
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  MATCH (c)<-[:FOR]-(d:Deal)
  WHERE $scope IS NULL OR EXISTS {
    MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(dp:Partner)
    WHERE dp.id IN $scope
  }
  WITH c, d ORDER BY d.closeDate DESC, d.id
  SKIP $skip LIMIT $limit
  RETURN collect(d {.*, customerId: c.id,
    leadId: CASE WHEN $withLeadId THEN [(d)<-[:CONVERTED_TO]-(l:Lead)
      WHERE $scope IS NULL OR EXISTS {
        MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope
      } | l.id][0] END}) AS items
}
RETURN cid AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (c)<-[:FOR]-(d:Deal)
         WHERE $scope IS NULL OR EXISTS {
           MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(dp:Partner)
           WHERE dp.id IN $scope
         }
       } END AS total,
       items
