// Remove an endpoint the caller may manage, with its delivery records.
MATCH (e:WebhookEndpoint {id: $id})
WHERE $owners IS NULL OR e.ownerPartnerId IN $owners
OPTIONAL MATCH (e)-[:HAS_DELIVERY]->(d:Delivery)
DETACH DELETE d
WITH DISTINCT e
DETACH DELETE e
RETURN $id AS id
