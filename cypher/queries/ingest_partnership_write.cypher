// Create or update Partnerships, re-linking partner (HOLDS) and program (IN_PROGRAM) when they change.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// A changed reference replaces the old relationship; FOREACH creates the new
// one only when the target exists (the state query has checked it).
UNWIND $rows AS row
MERGE (n:Partnership {id: row.id})
SET n += row.props
WITH n, row
OPTIONAL MATCH (n)<-[old0:HOLDS]-(:Partner)
WHERE row.partnerId IS NOT NULL
DELETE old0
WITH DISTINCT n, row
OPTIONAL MATCH (x0:Partner {id: row.partnerId})
FOREACH (_ IN CASE WHEN x0 IS NULL THEN [] ELSE [1] END | CREATE (x0)-[:HOLDS]->(n))
WITH n, row
OPTIONAL MATCH (n)-[old1:IN_PROGRAM]->(:Program)
WHERE row.programId IS NOT NULL
DELETE old1
WITH DISTINCT n, row
OPTIONAL MATCH (x1:Program {id: row.programId})
FOREACH (_ IN CASE WHEN x1 IS NULL THEN [] ELSE [1] END | CREATE (n)-[:IN_PROGRAM]->(x1))
RETURN count(n) AS written
