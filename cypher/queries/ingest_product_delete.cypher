// Delete one Product and its relationships.
MATCH (n:Product {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
