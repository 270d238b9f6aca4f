// Delete one Goal and its relationships.
MATCH (n:Goal {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
