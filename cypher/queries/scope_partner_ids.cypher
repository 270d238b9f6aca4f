// The partner ids a partner token may see: the partner itself plus every
// partner below it in the distribution hierarchy (resellers that RESELLS_FOR
// it, directly or through intermediate distributors, up to 10 tiers). No row
// when the partner does not exist.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (below:Partner)-[:RESELLS_FOR*1..10]->(p)
WITH p, collect(DISTINCT below.id) AS belowIds
RETURN p.id AS id, belowIds
