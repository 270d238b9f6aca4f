// Change events and webhooks. The replay window of subscriptions is found by
// change time; webhook endpoints and their deliveries are graph nodes, so a
// restarted worker resumes from them; one (:Lease) names the instance that
// currently runs webhook delivery.
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE CONSTRAINT webhook_endpoint_id IF NOT EXISTS FOR (n:WebhookEndpoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX delivery_endpoint IF NOT EXISTS FOR (n:Delivery) ON (n.endpointId);
CREATE INDEX delivery_status IF NOT EXISTS FOR (n:Delivery) ON (n.status);
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (n:Lease) REQUIRE n.name IS UNIQUE;
