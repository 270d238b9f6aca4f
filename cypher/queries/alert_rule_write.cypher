// upsertAlertRule: create a rule or replace its definition; returns it.
MERGE (r:AlertRule {id: $id})
ON CREATE SET r.createdAt = $at
SET r.name = $name, r.kind = $kind, r.days = $days, r.percent = $percent,
    r.enabled = $enabled, r.updatedAt = $at
RETURN r {.*} AS after
