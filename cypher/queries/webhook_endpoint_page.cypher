// One page of webhook endpoints the caller manages ($owners: null = all, else those
// registered by one of these partners), oldest first, plus the total, counted only
// when asked ($withTotal).
CALL () {
  MATCH (e:WebhookEndpoint)
  WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
  WITH e ORDER BY e.createdAt, e.id
  SKIP $skip LIMIT $limit
  RETURN collect(e {.*}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (e:WebhookEndpoint)
         WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
       } END AS total,
       items
