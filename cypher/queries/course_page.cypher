// One page of the course catalogue plus the total (only when $withTotal), by
// name then id. Filter (null = any): $kind. Open to every caller, as course_by_ids.
CALL () {
  MATCH (c:Course)
  WHERE $kind IS NULL OR c.kind = $kind
  WITH c ORDER BY c.name, c.id
  SKIP $skip LIMIT $limit
  RETURN collect(c {.*}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (c:Course) WHERE $kind IS NULL OR c.kind = $kind
       } END AS total,
       items
