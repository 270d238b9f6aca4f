// Create or update Contacts, re-linking WORKS_AT when the customer changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Contact {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:WORKS_AT]->(:Customer)
  WHERE row.customerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Customer {id: coalesce(row.customerId, '')})
  CREATE (n)-[:WORKS_AT]->(x)
}
RETURN count(n) AS written
