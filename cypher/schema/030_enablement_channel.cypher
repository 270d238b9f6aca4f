// Enablement (courses, program requirements) and the manufacturer's channel
// (products, orders, warranty claims): a unique id per label, and the
// sourceSystem + externalId lookups of the write path.
CREATE CONSTRAINT course_id IF NOT EXISTS FOR (n:Course) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT requirement_id IF NOT EXISTS FOR (n:Requirement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT order_id IF NOT EXISTS FOR (n:Order) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT warranty_claim_id IF NOT EXISTS FOR (n:WarrantyClaim) REQUIRE n.id IS UNIQUE;
CREATE INDEX course_source IF NOT EXISTS FOR (n:Course) ON (n.sourceSystem, n.externalId);
CREATE INDEX requirement_source IF NOT EXISTS FOR (n:Requirement) ON (n.sourceSystem, n.externalId);
CREATE INDEX product_source IF NOT EXISTS FOR (n:Product) ON (n.sourceSystem, n.externalId);
CREATE INDEX order_source IF NOT EXISTS FOR (n:Order) ON (n.sourceSystem, n.externalId);
CREATE INDEX warranty_claim_source IF NOT EXISTS FOR (n:WarrantyClaim) ON (n.sourceSystem, n.externalId);
CREATE INDEX product_family IF NOT EXISTS FOR (n:Product) ON (n.family);
