// Neo4j Browser variant of intel_attribution_paths.cypher (GraphQL attributionPaths):
// every route by which partners reach one deal, returned as paths so Browser
// draws them: attribution and registration (partner → partnership → deal), lead
// referral (partner → partnership ← lead → deal), and the RESELLS_FOR chain from
// each credited partner up to its top distributor. For analysts, so it applies
// no partner scope.

:param dealId => 'deal-206';

MATCH (d:Deal {id: $dealId})
CALL (d) {
  MATCH path = (:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d)
  RETURN path
  UNION
  MATCH path = (:Partner)-[:HOLDS]->(:Partnership)-[:REGISTERED]->(d)
  RETURN path
  UNION
  MATCH path = (:Partner)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(:Lead)-[:CONVERTED_TO]->(d)
  RETURN path
  UNION
  MATCH (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(p:Partner)
  WITH DISTINCT p
  MATCH path = (p)-[:RESELLS_FOR*1..6]->(top:Partner)
  WHERE NOT EXISTS { (top)-[:RESELLS_FOR]->(:Partner) }
  RETURN path
}
RETURN path;
