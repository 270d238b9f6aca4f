// One page of webhook endpoints the caller manages ($owners: null = all, else those
// registered by one of these partners), oldest first, plus the total.
CALL () {
  MATCH (e:WebhookEndpoint)
  WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:WebhookEndpoint)
  WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
  WITH e ORDER BY e.createdAt, e.id
  SKIP $skip LIMIT $limit
  RETURN collect(e {.*}) AS items
}
RETURN total, items
