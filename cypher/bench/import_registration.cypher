// graph-api bench, raw import path: create the REGISTERED edges of one batch
// that are not in the graph yet. $rows: [{from, to, props}]
UNWIND $rows AS row
MATCH (a:Partnership {id: row.from})
MATCH (b:Deal {id: row.to})
WHERE NOT EXISTS { (a)-[:REGISTERED]->(b) }
CREATE (a)-[r:REGISTERED]->(b)
SET r = row.props
RETURN count(r) AS written
