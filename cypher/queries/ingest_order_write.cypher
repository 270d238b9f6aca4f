// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update Orders; props holds only the changed properties.
// A reference given (not null) replaces the old relationship (PLACED).
// $rows: [{id, props, partnerId: new id or null when unchanged}]
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
