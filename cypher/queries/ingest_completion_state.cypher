// Current COMPLETED edges for an upsert batch, whether both ends exist.
// $keys: [{i, contactId, courseId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Contact {id: coalesce(k.contactId, '')})
OPTIONAL MATCH (b:Course {id: coalesce(k.courseId, '')})
OPTIONAL MATCH (:Contact {id: coalesce(k.contactId, '')})-[r:COMPLETED]->(:Course {id: coalesce(k.courseId, '')})
CALL (k) {
  OPTIONAL MATCH (:Contact {id: coalesce(k.contactId, '')})-[:WORKS_FOR]->(p:Partner)
  RETURN collect(p.id) AS partnerIds
}
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       partnerIds AS partnerIds,
       null AS extra
