// Create or update Orders, re-linking PLACED when a reference changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Order {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)<-[old:PLACED]-(:Partner)
  WHERE row.partnerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:PLACED]->(n)
}
RETURN count(n) AS written
