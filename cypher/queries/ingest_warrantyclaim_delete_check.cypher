// Before deleting a WarrantyClaim: its properties and the partner that filed it.
MATCH (n:WarrantyClaim {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:FILED]-(p:Partner) RETURN collect(p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds
