// An example partner for the demo tokens `serve` prints: preferably a
// distributor with resellers below it (its token shows a rolled-up slice),
// else any partner; ties break on id.
MATCH (p:Partner)
WITH p, COUNT { (:Partner)-[:RESELLS_FOR]->(p) } AS resellers
ORDER BY resellers DESC, p.id
LIMIT 1
RETURN p.id AS id, p.name AS name, resellers
