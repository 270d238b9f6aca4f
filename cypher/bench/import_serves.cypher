// graph-api bench, raw import path: create the SERVES edges of one batch
// that are not in the graph yet. $rows: [{from, to, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.from})
MATCH (b:Customer {id: row.to})
WHERE NOT EXISTS { (a)-[:SERVES]->(b) }
CREATE (a)-[r:SERVES]->(b)
SET r = row.props
RETURN count(r) AS written
