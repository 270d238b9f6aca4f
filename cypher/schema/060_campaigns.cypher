// Campaigns that leads and deals are SOURCED_FROM: a unique id and the
// sourceSystem + externalId lookup of the write path.
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE;
CREATE INDEX campaign_source IF NOT EXISTS FOR (n:Campaign) ON (n.sourceSystem, n.externalId);
