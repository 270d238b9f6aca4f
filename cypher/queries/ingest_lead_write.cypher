// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update Leads; props holds only the changed properties.
// A reference given (not null) replaces the old relationship (REFERRED_BY, CONVERTED_TO, FOR, SOURCED_FROM).
// $rows: [{id, props, partnershipId, convertedDealId, customerId, campaignId: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Lead {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:REFERRED_BY]->(:Partnership)
  WHERE row.partnershipId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Partnership {id: coalesce(row.partnershipId, '')})
  CREATE (n)-[:REFERRED_BY]->(x)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:CONVERTED_TO]->(:Deal)
  WHERE row.convertedDealId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Deal {id: coalesce(row.convertedDealId, '')})
  CREATE (n)-[:CONVERTED_TO]->(x)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:FOR]->(:Customer)
  WHERE row.customerId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Customer {id: coalesce(row.customerId, '')})
  CREATE (n)-[:FOR]->(x)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:SOURCED_FROM]->(:Campaign)
  WHERE row.campaignId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Campaign {id: coalesce(row.campaignId, '')})
  CREATE (n)-[:SOURCED_FROM]->(x)
}
RETURN count(n) AS written
