// Give the delivery lease back on a clean shutdown so another instance takes over at once.
MATCH (l:Lease {name: $name, owner: $owner})
SET l.until = 0
RETURN l.name AS name
