// Remove one CERTIFIED edge; returns its properties, or nothing when absent.
MATCH (a:Contact {id: $contactId})-[r:CERTIFIED]->(b:Course {id: $courseId})
WITH r, r {.*} AS props
DELETE r
RETURN props
