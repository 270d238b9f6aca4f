// Create or update Deals, re-linking FOR when the customer changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Deal {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:FOR]->(:Customer)
  WHERE row.customerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Customer {id: coalesce(row.customerId, '')})
  CREATE (n)-[:FOR]->(x)
}
RETURN count(n) AS written
