// Current Partners for an upsert batch. $keys: [{i, id}]
UNWIND $keys AS k
OPTIONAL MATCH (n:Partner {id: k.id})
RETURN k.i AS i, n {.*} AS node, {} AS current, {} AS found, [k.id] AS partnerIds
