// Delete one Contact and its relationships.
MATCH (n:Contact {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
