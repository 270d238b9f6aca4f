// Delete one Course with its requirements; completions and certifications of it go
// with the node's relationships.
MATCH (n:Course {id: $id})
OPTIONAL MATCH (n)<-[:OF_COURSE]-(o:Requirement)
WITH n, collect(o) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE n
RETURN count(*) AS deleted
