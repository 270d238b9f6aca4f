// Courses by id. The course catalogue is open to every caller: what a partner
// may learn is no partner's data ($scope is not consulted).
UNWIND $ids AS wanted
MATCH (c:Course {id: wanted})
RETURN c.id AS id, c {.*} AS node
