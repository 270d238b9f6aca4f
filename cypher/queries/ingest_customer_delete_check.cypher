// Before deleting a Customer: its properties, how many deals for it block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Customer {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:FOR]-(d:Deal) RETURN count(d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:WORKS_AT]-(c:Contact) RETURN collect(c.id) AS owned }
RETURN n {.*} AS node, blocking, owned, [] AS partnerIds
