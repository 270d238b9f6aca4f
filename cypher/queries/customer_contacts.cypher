// Contacts that WORK_AT each customer (visible with the customer), sorted by
// name, then id; paged inside the per-customer subquery; total only when asked.
UNWIND $ids AS cid
MATCH (c:Customer {id: cid})
CALL (c) {
  MATCH (c)<-[:WORKS_AT]-(ct:Contact)
  WITH c, ct ORDER BY ct.name, ct.id
  SKIP $skip LIMIT $limit
  RETURN collect(ct {.*, customerId: c.id}) AS items
}
RETURN cid AS id,
       CASE WHEN $withTotal THEN COUNT { MATCH (c)<-[:WORKS_AT]-(:Contact) } END AS total,
       items
