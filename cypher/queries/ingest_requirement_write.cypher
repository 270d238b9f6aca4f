// Create or update Requirements, re-linking REQUIRES, OF_COURSE when a reference changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
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
