// Delete one WarrantyClaim and its relationships.
MATCH (n:WarrantyClaim {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
