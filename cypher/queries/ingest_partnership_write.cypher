// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update Partnerships; props holds only the changed properties.
// A reference given (not null) replaces the old relationship (HOLDS, IN_PROGRAM).
// $rows: [{id, props, partnerId, programId: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Partnership {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)<-[old:HOLDS]-(:Partner)
  WHERE row.partnerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:HOLDS]->(n)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:IN_PROGRAM]->(:Program)
  WHERE row.programId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Program {id: coalesce(row.programId, '')})
  CREATE (n)-[:IN_PROGRAM]->(x)
}
RETURN count(n) AS written
