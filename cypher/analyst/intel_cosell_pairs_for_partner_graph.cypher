// Neo4j Browser variant of intel_cosell_pairs_for_partner.cypher (GraphQL
// coSellingPairs(partnerId)): the deals this partner was credited on together
// with other partners, and those deals' customers, returned as paths so Browser
// draws the co-selling graph. For analysts, so it applies no partner scope.
// $limit caps the paths drawn.

:param partnerId => 'partner-tidal-managed-services';
:param limit => 300;

MATCH (p:Partner {id: $partnerId})
MATCH path = (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(q:Partner)
WHERE q <> p
OPTIONAL MATCH customer = (d)-[:FOR]->(:Customer)
WITH path, customer ORDER BY q.id, d.id
RETURN path, customer
LIMIT $limit;
