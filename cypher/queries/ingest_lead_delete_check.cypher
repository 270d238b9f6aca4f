// Before deleting a Lead: its properties, how many nothing block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Lead {id: $id})
CALL (n) { OPTIONAL MATCH (n)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(p:Partner) RETURN collect(p.id) AS partnerIds }
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, partnerIds AS partnerIds
