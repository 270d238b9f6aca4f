// Create or update Leads, re-linking REFERRED_BY and CONVERTED_TO when they change.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
// A changed reference replaces the old relationship; FOREACH creates the new
// one only when the target exists (the state query has checked it).
UNWIND $rows AS row
MERGE (n:Lead {id: row.id})
SET n += row.props
WITH n, row
OPTIONAL MATCH (n)-[old0:REFERRED_BY]->(:Partnership)
WHERE row.partnershipId IS NOT NULL
DELETE old0
WITH DISTINCT n, row
OPTIONAL MATCH (x0:Partnership {id: row.partnershipId})
FOREACH (_ IN CASE WHEN x0 IS NULL THEN [] ELSE [1] END | CREATE (n)-[:REFERRED_BY]->(x0))
WITH n, row
OPTIONAL MATCH (n)-[old1:CONVERTED_TO]->(:Deal)
WHERE row.convertedDealId IS NOT NULL
DELETE old1
WITH DISTINCT n, row
OPTIONAL MATCH (x1:Deal {id: row.convertedDealId})
FOREACH (_ IN CASE WHEN x1 IS NULL THEN [] ELSE [1] END | CREATE (n)-[:CONVERTED_TO]->(x1))
RETURN count(n) AS written
