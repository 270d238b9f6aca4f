// One page of programs plus the total. Filters: $commissionType, $nameContains.
// $sort: name | createdAt. Programs are visible to everyone.
CALL () {
  MATCH (g:Program)
  WHERE ($commissionType IS NULL OR g.commissionType = $commissionType)
    AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
  RETURN count(g) AS total
}
CALL () {
  MATCH (g:Program)
  WHERE ($commissionType IS NULL OR g.commissionType = $commissionType)
    AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
  WITH g, CASE $sort WHEN 'createdAt' THEN g.createdAt ELSE g.name END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           g.id
  SKIP $skip LIMIT $limit
  RETURN collect(g {.*}) AS items
}
RETURN total, items
