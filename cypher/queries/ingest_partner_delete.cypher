// Delete one Partner with its partnerships (with their attributions and registrations) and goals; never deals or customers.
MATCH (n:Partner {id: $id})
OPTIONAL MATCH (n)-[:HOLDS|HAS_GOAL]->(o)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
