// Leads REFERRED_BY each partnership, newest first.
UNWIND $ids AS sid
MATCH (s:Partnership {id: sid})
CALL (s) {
  OPTIONAL MATCH (l:Lead)-[:REFERRED_BY]->(s)
  WITH s, l ORDER BY l.createdDate DESC, l.id
  RETURN collect(l {.*, partnershipId: s.id,
    convertedDealId: [(l)-[:CONVERTED_TO]->(d:Deal) | d.id][0]}) AS found
}
RETURN sid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
