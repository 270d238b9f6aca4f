// Challenges (admin-defined targets on a leaderboard metric) are nodes with their
// own id; (:Partner)-[:ACHIEVED {at, value}]->(:Challenge) records who reached one.
// The forecast reads the stage history of deals from the change log by entity type.
CREATE CONSTRAINT challenge_id IF NOT EXISTS FOR (n:Challenge) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_entity_type IF NOT EXISTS FOR (n:Change) ON (n.entityType);
