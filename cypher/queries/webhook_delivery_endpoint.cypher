// The endpoint a delivery belongs to, when the caller manages it ($owners: null =
// any endpoint, else only endpoints registered by one of these partners).
MATCH (e:WebhookEndpoint)-[:HAS_DELIVERY]->(d:Delivery {id: $id})
WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
RETURN e.id AS endpointId, d.status AS status
