// Create or update Deals, re-linking FOR when the customer changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// A changed reference replaces the old relationship; FOREACH creates the new
// one only when the target exists (the state query has checked it).
UNWIND $rows AS row
MERGE (n:Deal {id: row.id})
SET n += row.props
WITH n, row
OPTIONAL MATCH (n)-[old0:FOR]->(:Customer)
WHERE row.customerId IS NOT NULL
DELETE old0
WITH DISTINCT n, row
OPTIONAL MATCH (x0:Customer {id: row.customerId})
FOREACH (_ IN CASE WHEN x0 IS NULL THEN [] ELSE [1] END | CREATE (n)-[:FOR]->(x0))
RETURN count(n) AS written
