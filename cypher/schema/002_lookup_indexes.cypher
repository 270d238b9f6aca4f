// Indexes behind the list filters and sort keys of the partners query.
CREATE INDEX partner_name IF NOT EXISTS FOR (n:Partner) ON (n.name);
CREATE INDEX partner_kind IF NOT EXISTS FOR (n:Partner) ON (n.kind);
CREATE INDEX partner_tier IF NOT EXISTS FOR (n:Partner) ON (n.tier);
CREATE INDEX partner_region IF NOT EXISTS FOR (n:Partner) ON (n.region);
CREATE INDEX partner_domain IF NOT EXISTS FOR (n:Partner) ON (n.domain);
