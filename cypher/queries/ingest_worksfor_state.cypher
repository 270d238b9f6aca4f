// Current WORKS_FOR edges for an upsert batch, whether both ends exist.
// $keys: [{i, contactId, partnerId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Contact {id: coalesce(k.contactId, '')})
OPTIONAL MATCH (b:Partner {id: coalesce(k.partnerId, '')})
OPTIONAL MATCH (:Contact {id: coalesce(k.contactId, '')})-[r:WORKS_FOR]->(:Partner {id: coalesce(k.partnerId, '')})
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [b.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
