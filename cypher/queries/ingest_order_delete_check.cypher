// Before deleting an Order: its properties and the partner that placed it; its lines
// go with it, nothing blocks it.
MATCH (n:Order {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:PLACED]-(p:Partner) RETURN collect(p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds
