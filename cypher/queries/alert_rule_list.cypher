// alertRules, and evaluation: the rules ($ids, or all when null), by id.
MATCH (r:AlertRule)
WHERE $ids IS NULL OR r.id IN $ids
RETURN r {.*} AS rule
ORDER BY r.id
LIMIT $limit
