// Before deleting a Program: its properties, how many partnerships enrolled in it block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Program {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(o:Partnership) RETURN count(o) AS blocking, collect(o.id) AS owned }
CALL (n) { OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking, owned, partnerIds AS partnerIds
