// Leads REFERRED_BY each partnership, newest first.
// convertedDealId names the deal only when the caller may see it.
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  OPTIONAL MATCH (l:Lead)-[:REFERRED_BY]->(s)
  WITH s, l ORDER BY l.createdDate DESC, l.id
  RETURN collect(l {.*, partnershipId: s.id,
    convertedDealId: [(l)-[:CONVERTED_TO]->(d:Deal)
      WHERE $scope IS NULL OR EXISTS {
        MATCH (dp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d)
        WHERE dp.id IN $scope
      } | d.id][0]}) AS found
}
RETURN sid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
