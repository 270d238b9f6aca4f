// Lookups of the write path. Records from a CRM, ERP or PRM are upserted by
// sourceSystem + externalId; Partners and Customers without an id are matched
// by their normalized domain (partner_domain already exists, 002).
CREATE INDEX partner_source IF NOT EXISTS FOR (n:Partner) ON (n.sourceSystem, n.externalId);
CREATE INDEX program_source IF NOT EXISTS FOR (n:Program) ON (n.sourceSystem, n.externalId);
CREATE INDEX partnership_source IF NOT EXISTS FOR (n:Partnership) ON (n.sourceSystem, n.externalId);
CREATE INDEX customer_source IF NOT EXISTS FOR (n:Customer) ON (n.sourceSystem, n.externalId);
CREATE INDEX contact_source IF NOT EXISTS FOR (n:Contact) ON (n.sourceSystem, n.externalId);
CREATE INDEX lead_source IF NOT EXISTS FOR (n:Lead) ON (n.sourceSystem, n.externalId);
CREATE INDEX deal_source IF NOT EXISTS FOR (n:Deal) ON (n.sourceSystem, n.externalId);
CREATE INDEX goal_source IF NOT EXISTS FOR (n:Goal) ON (n.sourceSystem, n.externalId);
CREATE INDEX customer_domain IF NOT EXISTS FOR (n:Customer) ON (n.domain);
