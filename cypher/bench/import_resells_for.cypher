// graph-api bench, raw import path: create the RESELLS_FOR edges of one batch
// that are not in the graph yet. $rows: [{from, to, props}]
UNWIND $rows AS row
MATCH (a:Partner {id: row.from})
MATCH (b:Partner {id: row.to})
WHERE NOT EXISTS { (a)-[:RESELLS_FOR]->(b) }
CREATE (a)-[r:RESELLS_FOR]->(b)
SET r = row.props
RETURN count(r) AS written
