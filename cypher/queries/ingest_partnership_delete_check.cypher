// Before deleting a Partnership: its properties, how many deals credited to it block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Partnership {id: $id})
CALL (n) { OPTIONAL MATCH (n)-[:ATTRIBUTED]->(d:Deal) RETURN count(d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:HOLDS]-(p:Partner) RETURN collect(p.id) AS partnerIds }
RETURN n {.*} AS node, blocking, [] AS owned, partnerIds AS partnerIds
