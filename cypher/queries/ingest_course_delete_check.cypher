// Before deleting a Course: its properties, how many requirements, completions and
// certifications naming it block a plain delete (blocking), the nodes removed along
// with it (owned: its requirements, each with its label as ownedLabel), and the
// partners whose contacts completed or hold it.
MATCH (n:Course {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:OF_COURSE]-(o:Requirement) RETURN count(o) AS requirements, collect(CASE WHEN o IS NOT NULL THEN o {.*, ownedLabel: 'Requirement'} END) AS owned }
CALL (n) { RETURN COUNT { (n)<-[:COMPLETED|CERTIFIED]-(:Contact) } AS achieved }
CALL (n) { OPTIONAL MATCH (n)<-[:COMPLETED|CERTIFIED]-(:Contact)-[:WORKS_FOR]->(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, requirements + achieved AS blocking, owned, partnerIds
