// graph-api bench, raw import path: create the SHARES_WITH edges of one batch
// that are not in the graph yet. $rows: [{from, to, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.from})
MATCH (b:Partner {id: row.to})
WHERE NOT EXISTS { (a)-[:SHARES_WITH]->(b) }
CREATE (a)-[r:SHARES_WITH]->(b)
SET r = row.props
RETURN count(r) AS written
