// One page of contacts plus the total, for an unrestricted caller (null
// $scope): this lists every contact, so it scans the label;
// contact_page_partners serves a partner's scope (a scoped call that reached
// this file by mistake matches nothing). Filters (null = any): $customerId,
// $nameContains. $sort: name | createdAt | email. Total only when asked
// ($withTotal).
CALL () {
  MATCH (ct:Contact)
  WHERE $scope IS NULL
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
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (ct:Contact)
         WHERE $scope IS NULL
           AND ($customerId IS NULL
             OR EXISTS { MATCH (ct)-[:WORKS_AT]->(:Customer {id: $customerId}) })
           AND ($nameContains IS NULL OR toLower(ct.name) CONTAINS toLower($nameContains))
       } END AS total,
       items
