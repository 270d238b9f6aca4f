// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Export: one page of Requirement nodes in id order (keyset paging from $after),
// with every stored property and the ids its references point at
// (programId, courseId), for graph-api export.
MATCH (n:Requirement)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)<-[:REQUIRES]-(r0:Program)
WITH n, head(collect(r0.id)) AS programId
OPTIONAL MATCH (n)-[:OF_COURSE]->(r1:Course)
WITH n, programId, head(collect(r1.id)) AS courseId
RETURN n.id AS id, properties(n) AS props, programId, courseId
