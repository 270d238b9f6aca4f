// Before deleting a Program: its properties, how many partnerships enrolled in it block a plain
// delete (blocking), the nodes removed along with it (owned: its partnerships, each with
// its label as ownedLabel), and the partners concerned.
MATCH (n:Program {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(o:Partnership) RETURN count(o) AS blocking, collect(CASE WHEN o IS NOT NULL THEN o {.*, ownedLabel: 'Partnership'} END) AS owned }
CALL (n) { OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking, owned, partnerIds AS partnerIds
