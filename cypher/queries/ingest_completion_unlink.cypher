// Remove one COMPLETED edge; returns its properties, or nothing when absent.
MATCH (a:Contact {id: $contactId})-[r:COMPLETED]->(b:Course {id: $courseId})
WITH r, r {.*} AS props
DELETE r
RETURN props
