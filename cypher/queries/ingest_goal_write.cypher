// Create or update Goals, re-linking HAS_GOAL when the partner changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
UNWIND $rows AS row
MERGE (n:Goal {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (:Partner)-[old:HAS_GOAL]->(n)
  WHERE row.partnerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Partner {id: row.partnerId})
  CREATE (x)-[:HAS_GOAL]->(n)
}
RETURN count(n) AS written
