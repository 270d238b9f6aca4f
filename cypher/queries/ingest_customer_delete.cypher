// Delete one Customer with the contacts working at it; deals stay, without a customer.
MATCH (n:Customer {id: $id})
OPTIONAL MATCH (o:Contact)-[:WORKS_AT]->(n)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
