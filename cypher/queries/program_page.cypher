// One page of programs plus the total. Filters: $kind, $commissionType, $nameContains.
// $sort: name | createdAt. A partner sees only the programs its scope is enrolled in.
CALL () {
  MATCH (g:Program)
  WHERE ($scope IS NULL OR EXISTS {
      MATCH (sp:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g)
      WHERE sp.id IN $scope
    })
    AND ($kind IS NULL OR g.kind = $kind)
    AND ($commissionType IS NULL OR g.commissionType = $commissionType)
    AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
  RETURN count(g) AS total
}
CALL () {
  MATCH (g:Program)
  WHERE ($scope IS NULL OR EXISTS {
      MATCH (sp:Partner)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g)
      WHERE sp.id IN $scope
    })
    AND ($kind IS NULL OR g.kind = $kind)
    AND ($commissionType IS NULL OR g.commissionType = $commissionType)
    AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
  WITH g, CASE $sort WHEN 'createdAt' THEN g.createdAt ELSE g.name END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           g.id
  SKIP $skip LIMIT $limit
  RETURN collect(g {.*}) AS items
}
RETURN total, items
