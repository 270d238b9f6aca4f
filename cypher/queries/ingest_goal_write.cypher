// Create or update Goals, re-linking HAS_GOAL when the partner changes.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// A changed reference replaces the old relationship; FOREACH creates the new
// one only when the target exists (the state query has checked it).
UNWIND $rows AS row
MERGE (n:Goal {id: row.id})
SET n += row.props
WITH n, row
OPTIONAL MATCH (n)<-[old0:HAS_GOAL]-(:Partner)
WHERE row.partnerId IS NOT NULL
DELETE old0
WITH DISTINCT n, row
OPTIONAL MATCH (x0:Partner {id: row.partnerId})
FOREACH (_ IN CASE WHEN x0 IS NULL THEN [] ELSE [1] END | CREATE (x0)-[:HAS_GOAL]->(n))
RETURN count(n) AS written
