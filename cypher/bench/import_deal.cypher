// graph-api bench, raw import path: create the Deal nodes of one batch whose id is
// not in the graph yet (one existence check per row, then CREATE, no MERGE),
// with their references. $rows: [{id, props, customerId}]
UNWIND $rows AS row
OPTIONAL MATCH (e:Deal {id: row.id})
WITH row WHERE e IS NULL
CREATE (n:Deal)
SET n = row.props, n.id = row.id
CALL (n, row) {
  MATCH (x:Customer {id: coalesce(row.customerId, '')})
  CREATE (n)-[:FOR]->(x)
}
RETURN count(n) AS written
