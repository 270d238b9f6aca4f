// Delete one Program with the partnerships enrolled in it (with their attributions and registrations).
MATCH (n:Program {id: $id})
OPTIONAL MATCH (o:Partnership)-[:IN_PROGRAM]->(n)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
