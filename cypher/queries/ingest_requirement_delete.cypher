// Delete one Requirement and its relationships.
MATCH (n:Requirement {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
