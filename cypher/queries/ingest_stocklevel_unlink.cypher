// Remove one STOCKS edge; returns its properties, or nothing when absent.
MATCH (a:Partner {id: $partnerId})-[r:STOCKS]->(b:Product {id: $productId})
WITH r, r {.*} AS props
DELETE r
RETURN props
