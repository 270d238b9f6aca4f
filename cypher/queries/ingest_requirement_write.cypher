// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update Requirements; props holds only the changed properties.
// A reference given (not null) replaces the old relationship (REQUIRES, OF_COURSE).
// $rows: [{id, props, programId, courseId: new id or null when unchanged}]
// Lookups use coalesce(x, ''): the embedded store scans the whole label for a
// null key, and no id is ever empty.
UNWIND $rows AS row
MERGE (n:Requirement {id: row.id})
SET n += row.props
CALL (n, row) {
  OPTIONAL MATCH (n)<-[old:REQUIRES]-(:Program)
  WHERE row.programId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Program {id: coalesce(row.programId, '')})
  CREATE (x)-[:REQUIRES]->(n)
}
CALL (n, row) {
  OPTIONAL MATCH (n)-[old:OF_COURSE]->(:Course)
  WHERE row.courseId IS NOT NULL
  DELETE old
}
CALL (n, row) {
  MATCH (x:Course {id: coalesce(row.courseId, '')})
  CREATE (n)-[:OF_COURSE]->(x)
}
RETURN count(n) AS written
