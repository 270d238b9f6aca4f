// One page of contacts plus the total. Filters: $customerId, $nameContains.
// $sort: name | createdAt | email. Scope as in contact_by_ids.
CALL () {
  MATCH (ct:Contact)
  WHERE ($scope IS NULL
     OR EXISTS {
       MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(cp:Partner)
       WHERE cp.id IN $scope
     }
     OR EXISTS {
       MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:FOR]-(:Deal)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)
             <-[:HOLDS]-(cp:Partner)
       WHERE cp.id IN $scope
     })
    AND ($customerId IS NULL OR EXISTS { MATCH (ct)-[:WORKS_AT]->(:Customer {id: $customerId}) })
    AND ($nameContains IS NULL OR toLower(ct.name) CONTAINS toLower($nameContains))
  RETURN count(ct) AS total
}
CALL () {
  MATCH (ct:Contact)
  WHERE ($scope IS NULL
     OR EXISTS {
       MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(cp:Partner)
       WHERE cp.id IN $scope
     }
     OR EXISTS {
       MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:FOR]-(:Deal)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)
             <-[:HOLDS]-(cp:Partner)
       WHERE cp.id IN $scope
     })
    AND ($customerId IS NULL OR EXISTS { MATCH (ct)-[:WORKS_AT]->(:Customer {id: $customerId}) })
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
RETURN total, items
