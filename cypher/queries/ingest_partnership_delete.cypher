// Delete one Partnership and its relationships.
MATCH (n:Partnership {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
