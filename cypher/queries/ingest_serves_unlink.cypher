// Remove one SERVES edge; returns its properties, or nothing when absent.
MATCH (a:Partner {id: $partnerId})-[r:SERVES]->(b:Customer {id: $customerId})
WITH r, r {.*} AS props
DELETE r
RETURN props
