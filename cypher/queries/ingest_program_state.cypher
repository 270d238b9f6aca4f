// Current Programs for an upsert batch. $keys: [{i, id}]
UNWIND $keys AS k
OPTIONAL MATCH (n:Program {id: k.id})
RETURN k.i AS i, n {.*} AS node, {} AS current, {} AS found, [] AS partnerIds
