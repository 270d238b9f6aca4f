// graph-api bench, raw import path: create the Partner nodes of one batch whose id is
// not in the graph yet (one existence check per row, then CREATE, no MERGE),
// with their references. $rows: [{id, props}]
UNWIND $rows AS row
OPTIONAL MATCH (e:Partner {id: row.id})
WITH row WHERE e IS NULL
CREATE (n:Partner)
SET n = row.props, n.id = row.id
RETURN count(n) AS written
