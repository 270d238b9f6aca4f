// Delete one Program with the partnerships enrolled in it (with their attributions and registrations).
MATCH (n:Program {id: $id})
OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(o:Partnership)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
