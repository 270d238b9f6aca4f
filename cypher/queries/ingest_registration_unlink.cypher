// Remove one REGISTERED edge; returns its properties, or nothing when absent.
MATCH (a:Partnership {id: $partnershipId})-[r:REGISTERED]->(b:Deal {id: $dealId})
WITH r, r {.*} AS props
DELETE r
RETURN props
