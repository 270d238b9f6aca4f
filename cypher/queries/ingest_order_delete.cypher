// Delete one Order and its relationships.
MATCH (n:Order {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
