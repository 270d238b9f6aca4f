// Delete one Lead and its relationships.
MATCH (n:Lead {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
