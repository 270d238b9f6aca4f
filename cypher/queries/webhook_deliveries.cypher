// Each endpoint's deliveries, newest first, one page per endpoint
// ($statuses empty = every status), with the total only when asked ($withTotal);
// only endpoints the caller manages ($owners: null = any, else those registered
// by one of these partners).
UNWIND $ids AS wanted
MATCH (e:WebhookEndpoint {id: wanted})
WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_DELIVERY]->(d:Delivery)
  WHERE size($statuses) = 0 OR d.status IN $statuses
  WITH d ORDER BY d.seq DESC
  SKIP $skip LIMIT $limit
  RETURN collect(d {.*}) AS items
}
RETURN e.id AS id,
       CASE WHEN $withTotal THEN COUNT {
         MATCH (e)-[:HAS_DELIVERY]->(d:Delivery)
         WHERE size($statuses) = 0 OR d.status IN $statuses
       } END AS total,
       items
