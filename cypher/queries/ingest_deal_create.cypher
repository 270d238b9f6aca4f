// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create the Deals of a batch that its state read found absent (one
// existence check per batch, then CREATE: no MERGE per row). An id another writer
// created since fails the id's uniqueness constraint, and Store.write runs the
// transaction again, when the state read finds the node.
// $rows: [{id, props, customerId, campaignId}]
UNWIND $rows AS row
CREATE (n:Deal)
SET n = row.props, n.id = row.id
CALL (n, row) {
  MATCH (x:Customer {id: coalesce(row.customerId, '')})
  CREATE (n)-[:FOR]->(x)
}
CALL (n, row) {
  MATCH (x:Campaign {id: coalesce(row.campaignId, '')})
  CREATE (n)-[:SOURCED_FROM]->(x)
}
RETURN count(n) AS written
