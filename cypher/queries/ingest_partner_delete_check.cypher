// Before deleting a Partner: its properties, how many deals credited to its partnerships block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Partner {id: $id})
CALL (n) { OPTIONAL MATCH (n)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal) RETURN count(DISTINCT d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)-[:HOLDS]->(o:Partnership) RETURN collect(o.id) AS owned }
RETURN n {.*} AS node, blocking, owned, [n.id] AS partnerIds
