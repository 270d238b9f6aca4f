// Deals ATTRIBUTED to any of each partner's partnerships, optionally one $stage,
// sorted by close date (latest first), then id.
UNWIND $ids AS pid
MATCH (p:Partner {id: pid})
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE $stage IS NULL OR d.stage = $stage
  WITH DISTINCT d
  ORDER BY d.closeDate DESC, d.id
  RETURN collect(d {.*,
    customerId: [(d)-[:FOR]->(c:Customer) | c.id][0],
    leadId: [(l:Lead)-[:CONVERTED_TO]->(d) WHERE $scope IS NULL OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(lp:Partner) WHERE lp.id IN $scope } | l.id][0]}) AS found
}
RETURN pid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
