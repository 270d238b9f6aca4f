// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Partnership nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (partnerId, programId), for graph-api export.
MATCH (n:Partnership)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)<-[:HOLDS]-(r0:Partner)
WITH n, head(collect(r0.id)) AS partnerId
OPTIONAL MATCH (n)-[:IN_PROGRAM]->(r1:Program)
WITH n, partnerId, head(collect(r1.id)) AS programId
RETURN n.id AS id, properties(n) AS props, partnerId, programId
