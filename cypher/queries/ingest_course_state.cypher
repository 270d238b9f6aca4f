// Current Courses for an upsert batch. $keys: [{i, id}]
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Course {id: coalesce(k.id, '')})
RETURN k.i AS i, n {.*} AS node, {} AS current, {} AS found, [] AS partnerIds
