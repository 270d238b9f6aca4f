// upsertChallenge: create a challenge or replace its definition; returns it.
MERGE (c:Challenge {id: $id})
ON CREATE SET c.createdAt = $at
SET c.name = $name, c.metric = $metric, c.periodStart = $from, c.periodEnd = $to,
    c.target = $target, c.tier = $tier, c.region = $region, c.programId = $programId,
    c.updatedAt = $at
RETURN c {.*} AS after
