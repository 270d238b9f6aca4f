// One page of contacts plus the total, for a partner's $scope: starts from
// those partners (an index seek each), walks to the customers they may see
// (as customer_page_partners) and then to the contacts working there, instead
// of scanning every contact and testing the scope on each. Filters and $sort
// as in contact_page; total only when asked ($withTotal).
CALL () {
  UNWIND $scope AS aid
  MATCH (p:Partner {id: aid})
  UNWIND [(p)-[:SERVES]->(sc:Customer) | sc]
       + [(p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(dc:Customer) | dc]
    AS c
  WITH DISTINCT c
  MATCH (c)<-[:WORKS_AT]-(ct:Contact)
  WITH DISTINCT ct
  WHERE ($customerId IS NULL OR EXISTS { MATCH (ct)-[:WORKS_AT]->(:Customer {id: $customerId}) })
    AND ($nameContains IS NULL OR toLower(ct.name) CONTAINS toLower($nameContains))
  WITH ct, CASE $sort
      WHEN 'createdAt' THEN ct.createdAt
      WHEN 'email' THEN ct.email
      ELSE ct.name
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           ct.id
  SKIP $skip LIMIT $limit
  RETURN collect(ct {.*, customerId: [(ct)-[:WORKS_AT]->(c:Customer) | c.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         UNWIND $scope AS aid
         MATCH (p:Partner {id: aid})
         UNWIND [(p)-[:SERVES]->(sc:Customer) | sc]
              + [(p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(dc:Customer) | dc]
           AS c
         WITH DISTINCT c
         MATCH (c)<-[:WORKS_AT]-(ct:Contact)
         WITH DISTINCT ct
         WHERE ($customerId IS NULL
             OR EXISTS { MATCH (ct)-[:WORKS_AT]->(:Customer {id: $customerId}) })
           AND ($nameContains IS NULL OR toLower(ct.name) CONTAINS toLower($nameContains))
         RETURN ct
       } END AS total,
       items
