// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update WarrantyClaims; props holds only the changed properties.
// A reference given (not null) replaces the old relationship (FILED, FOR_PRODUCT, AT_CUSTOMER).
// $rows: [{id, props, partnerId, productId, customerId: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:WarrantyClaim {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)<-[old:FILED]-(:Partner)
  WHERE row.partnerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Partner {id: coalesce(row.partnerId, '')})
  CREATE (x)-[:FILED]->(n)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:FOR_PRODUCT]->(:Product)
  WHERE row.productId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Product {id: coalesce(row.productId, '')})
  CREATE (n)-[:FOR_PRODUCT]->(x)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:AT_CUSTOMER]->(:Customer)
  WHERE row.customerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Customer {id: coalesce(row.customerId, '')})
  CREATE (n)-[:AT_CUSTOMER]->(x)
}
RETURN count(n) AS written
