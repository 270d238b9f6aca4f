// graph-api bench, raw import path: create the ATTRIBUTED edges of one batch
// that are not in the graph yet. $rows: [{from, to, props}]
UNWIND $rows AS row
MATCH (a:Partnership {id: row.from})
MATCH (b:Deal {id: row.to})
WHERE NOT EXISTS { (a)-[:ATTRIBUTED]->(b) }
CREATE (a)-[r:ATTRIBUTED]->(b)
SET r = row.props
RETURN count(r) AS written
