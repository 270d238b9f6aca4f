// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of RUNS relationships ordered by their two ends'
// ids (keyset paging from $afterFrom, $afterTo), with every stored property,
// for graph-api export.
MATCH (a:Partnership)-[r:RUNS]->(b:Campaign)
WHERE a.id > $afterFrom OR (a.id = $afterFrom AND b.id > $afterTo)
WITH a, r, b ORDER BY a.id, b.id LIMIT $limit
RETURN a.id AS fromId, b.id AS toId, properties(r) AS props
