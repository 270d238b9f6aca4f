// Delete one Customer with the contacts working at it; deals stay, without a customer.
MATCH (n:Customer {id: $id})
OPTIONAL MATCH (n)<-[:WORKS_AT]-(o:Contact)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
