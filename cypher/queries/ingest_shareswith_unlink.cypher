// Remove one SHARES_WITH edge; returns its properties, or nothing when absent.
MATCH (a:Partner {id: $partnerId})-[r:SHARES_WITH]->(b:Partner {id: $withPartnerId})
WITH r, r {.*} AS props
DELETE r
RETURN props
