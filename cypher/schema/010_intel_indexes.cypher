// Indexes behind the relationship-intelligence traversals. Period reports
// (attributionComparison, ecosystemHealth) start from won deals closed in a
// date range; ecosystemHealth also groups open pipeline by stage. Everything
// per partner or per deal is anchored on the id constraints of 001.
CREATE INDEX deal_close_date IF NOT EXISTS FOR (n:Deal) ON (n.closeDate);
CREATE INDEX deal_stage IF NOT EXISTS FOR (n:Deal) ON (n.stage);
