// Before deleting a Requirement: its properties; nothing blocks it, nothing goes with it.
MATCH (n:Requirement {id: $id})
RETURN n {.*} AS node, 0 AS blocking, [] AS owned, [] AS partnerIds
