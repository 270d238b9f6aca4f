// Before deleting a Deal: its properties, how many nothing block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Deal {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds AS partnerIds
