// upsertAlertRule: the rule's stored properties (null: none).
OPTIONAL MATCH (r:AlertRule {id: $id})
RETURN r {.*} AS before
