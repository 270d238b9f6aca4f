// One page of customers plus the total. Filters: $region, $industry, $size,
// $nameContains. $sort: name | createdAt | size. Scope as in customer_by_ids.
CALL () {
  MATCH (c:Customer)
  WHERE ($scope IS NULL
     OR EXISTS { MATCH (cp:Partner)-[:SERVES]->(c) WHERE cp.id IN $scope }
     OR EXISTS {
       MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c)
       WHERE cp.id IN $scope
     })
    AND ($region IS NULL OR c.region = $region)
    AND ($industry IS NULL OR toLower(c.industry) = toLower($industry))
    AND ($size IS NULL OR c.size = $size)
    AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Customer)
  WHERE ($scope IS NULL
     OR EXISTS { MATCH (cp:Partner)-[:SERVES]->(c) WHERE cp.id IN $scope }
     OR EXISTS {
       MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c)
       WHERE cp.id IN $scope
     })
    AND ($region IS NULL OR c.region = $region)
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
RETURN total, items
