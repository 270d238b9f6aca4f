// Before deleting a Contact: its properties, how many nothing block a plain
// delete (blocking), the ids removed along with it (owned), and the partners concerned.
MATCH (n:Contact {id: $id})
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, [] AS partnerIds
