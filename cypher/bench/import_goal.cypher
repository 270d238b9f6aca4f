// graph-api bench, raw import path: create the Goal nodes of one batch whose id is
// not in the graph yet (one existence check per row, then CREATE, no MERGE),
// with their references. $rows: [{id, props, partnerId}]
UNWIND $rows AS row
OPTIONAL MATCH (e:Goal {id: row.id})
WITH row WHERE e IS NULL
CREATE (n:Goal)
SET n = row.props, n.id = row.id
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:HAS_GOAL]->(n)
}
RETURN count(n) AS written
