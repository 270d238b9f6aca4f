// Deals each partnership is ATTRIBUTED to, sorted by close date (latest first).
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  OPTIONAL MATCH (s)-[:ATTRIBUTED]->(d:Deal)
  WITH d ORDER BY d.closeDate DESC, d.id
  RETURN collect(d {.*,
    customerId: [(d)-[:FOR]->(c:Customer) | c.id][0],
    leadId: [(l:Lead)-[:CONVERTED_TO]->(d) WHERE $scope IS NULL OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope } | l.id][0]}) AS found
}
RETURN sid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
