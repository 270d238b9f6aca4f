// Before deleting a Goal: its properties, how many nothing block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Goal {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:HAS_GOAL]-(p:Partner) RETURN collect(p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds AS partnerIds
