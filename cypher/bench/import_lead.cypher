// graph-api bench, raw import path: create the Lead nodes of one batch whose id is
// not in the graph yet (one existence check per row, then CREATE, no MERGE),
// with their references. $rows: [{id, props, partnershipId, convertedDealId}]
UNWIND $rows AS row
OPTIONAL MATCH (e:Lead {id: row.id})
WITH row WHERE e IS NULL
CREATE (n:Lead)
SET n = row.props, n.id = row.id
CALL (n, row) {
  MATCH (x:Partnership {id: coalesce(row.partnershipId, '')})
  CREATE (n)-[:REFERRED_BY]->(x)
}
CALL (n, row) {
  MATCH (x:Deal {id: coalesce(row.convertedDealId, '')})
  CREATE (n)-[:CONVERTED_TO]->(x)
}
RETURN count(n) AS written
