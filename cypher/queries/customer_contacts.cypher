// Contacts that WORK_AT each customer (visible with the customer), sorted by name.
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  OPTIONAL MATCH (ct:Contact)-[:WORKS_AT]->(c)
  WITH c, ct ORDER BY ct.name, ct.id
  RETURN collect(ct {.*, customerId: c.id}) AS found
}
RETURN cid AS id, size(found) AS total, found[$skip..$skip + $limit] AS items
