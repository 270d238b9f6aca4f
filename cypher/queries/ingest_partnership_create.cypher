// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create the Partnerships of a batch that its state read found absent (one
// existence check per batch, then CREATE: no MERGE per row). An id another writer
// created since fails the id's uniqueness constraint, and Store.write runs the
// transaction again, when the state read finds the node.
// $rows: [{id, props, partnerId, programId}]
UNWIND $rows AS row
CREATE (n:Partnership)
SET n = row.props, n.id = row.id
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:HOLDS]->(n)
}
CALL (n, row) {
  MATCH (x:Program {id: coalesce(row.programId, '')})
  CREATE (n)-[:IN_PROGRAM]->(x)
}
RETURN count(n) AS written
