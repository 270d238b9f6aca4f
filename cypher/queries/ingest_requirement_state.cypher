// Current Requirements, what they reference, and whether the referenced ids exist.
// $keys: [{i, id, programId, courseId}]
// Neighbours are matched from the indexed id, never through a variable that
// may be null (the embedded store rebinds a null variable in a later OPTIONAL
// MATCH), and each pattern starts at its bound end so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Requirement {id: coalesce(k.id, '')})
OPTIONAL MATCH (:Requirement {id: coalesce(k.id, '')})<-[:REQUIRES]-(c0:Program)
OPTIONAL MATCH (:Requirement {id: coalesce(k.id, '')})-[:OF_COURSE]->(c1:Course)
OPTIONAL MATCH (f0:Program {id: coalesce(k.programId, '')})
OPTIONAL MATCH (f1:Course {id: coalesce(k.courseId, '')})
RETURN k.i AS i, n {.*} AS node,
       {programId: c0.id, courseId: c1.id} AS current,
       {programId: f0 IS NOT NULL, courseId: f1 IS NOT NULL} AS found,
       [] AS partnerIds
