// Deals FOR each customer, only those credited to or registered by an
// in-scope partner's partnership; sorted by close date (latest first).
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  OPTIONAL MATCH (d:Deal)-[:FOR]->(c)
  WHERE $scope IS NULL OR EXISTS {
    MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
    WHERE dp.id IN $scope
  }
  WITH c, d ORDER BY d.closeDate DESC, d.id
  RETURN collect(d {.*, customerId: c.id,
    leadId: [(l:Lead)-[:CONVERTED_TO]->(d) WHERE $scope IS NULL OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope } | l.id][0]}) AS found
}
RETURN cid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
