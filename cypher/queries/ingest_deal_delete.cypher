// Delete one Deal and its relationships.
MATCH (n:Deal {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
