// graph-api bench, raw import path: create the Partnership nodes of one batch whose id is
// not in the graph yet (one existence check per row, then CREATE, no MERGE),
// with their references. $rows: [{id, props, partnerId, programId}]
UNWIND $rows AS row
OPTIONAL MATCH (e:Partnership {id: row.id})
WITH row WHERE e IS NULL
CREATE (n:Partnership)
SET n = row.props, n.id = row.id
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:HOLDS]->(n)
}
CALL (n, row) {
  MATCH (x:Program {id: coalesce(row.programId, '')})
  CREATE (n)-[:IN_PROGRAM]->(x)
}
RETURN count(n) AS written
