// Create or update Goals, re-linking HAS_GOAL when the partner changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Goal {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)<-[old:HAS_GOAL]-(:Partner)
  WHERE row.partnerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:HAS_GOAL]->(n)
}
RETURN count(n) AS written
