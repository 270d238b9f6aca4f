// Export (--with-changes): one page of the change log in sequence order, keyset
// paging from $after; archive-only, graph-api import skips these records.
MATCH (c:Change)
WHERE c.seq > $after
WITH c ORDER BY c.seq LIMIT $limit
RETURN properties(c) AS props
