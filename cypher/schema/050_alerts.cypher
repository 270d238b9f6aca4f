// Alerts: admin-configured rules and the alerts they raise for partners.
// (:Alert)-[:RAISED_BY]->(:AlertRule), (:Alert)-[:CONCERNS]->(:Partner). An alert's
// `key` names its condition (rule, subject, partner); at most one alert per key is
// open or acknowledged at a time, and its id is the key with a running number.
CREATE CONSTRAINT alert_rule_id IF NOT EXISTS FOR (n:AlertRule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE INDEX alert_key IF NOT EXISTS FOR (n:Alert) ON (n.key);
CREATE INDEX alert_partner IF NOT EXISTS FOR (n:Alert) ON (n.partnerId);
