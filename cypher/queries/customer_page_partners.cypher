// One page of customers plus the total, for a partner's $scope: starts from
// those partners (an index seek each) and walks to the customers they serve or
// hold a credited or registered deal for (the visibility of customer_by_ids),
// instead of scanning every customer and testing the scope on each. Filters
// and $sort as in customer_page; total only when asked ($withTotal).
CALL () {
  UNWIND $scope AS aid
  MATCH (p:Partner {id: aid})
  UNWIND [(p)-[:SERVES]->(sc:Customer) | sc]
       + [(p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(dc:Customer) | dc]
    AS c
  WITH DISTINCT c
  WHERE ($region IS NULL OR c.region = $region)
    AND ($industry IS NULL OR toLower(c.industry) = toLower($industry))
    AND ($size IS NULL OR c.size = $size)
    AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  WITH c, CASE $sort
      WHEN 'createdAt' THEN c.createdAt
      WHEN 'size' THEN c.size
      ELSE c.name
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           c.id
  SKIP $skip LIMIT $limit
  RETURN collect(c {.*}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         UNWIND $scope AS aid
         MATCH (p:Partner {id: aid})
         UNWIND [(p)-[:SERVES]->(sc:Customer) | sc]
              + [(p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(dc:Customer) | dc]
           AS c
         WITH DISTINCT c
         WHERE ($region IS NULL OR c.region = $region)
           AND ($industry IS NULL OR toLower(c.industry) = toLower($industry))
           AND ($size IS NULL OR c.size = $size)
           AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
         RETURN c
       } END AS total,
       items
