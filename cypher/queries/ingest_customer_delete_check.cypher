// Before deleting a Customer: its properties, how many deals for it block a plain
// delete (blocking), the nodes removed along with it (owned: its contacts, each with
// its label as ownedLabel), and the partners concerned.
MATCH (n:Customer {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:FOR]-(d:Deal) RETURN count(d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:WORKS_AT]-(c:Contact) RETURN collect(CASE WHEN c IS NOT NULL THEN c {.*, ownedLabel: 'Contact'} END) AS owned }
RETURN n {.*} AS node, blocking, owned, [] AS partnerIds
