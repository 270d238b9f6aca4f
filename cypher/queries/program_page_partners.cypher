// One page of programs plus the total, for a partner's $scope: starts from
// those partners (an index seek each) and walks to the programs their
// partnerships are in, instead of scanning every program and testing the
// scope on each. Filters and $sort as in program_page; total only when asked.
CALL () {
  UNWIND $scope AS aid
  MATCH (:Partner {id: aid})-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g:Program)
  WITH DISTINCT g
  WHERE ($kind IS NULL OR g.kind = $kind)
    AND ($commissionType IS NULL OR g.commissionType = $commissionType)
    AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
  WITH g, CASE $sort WHEN 'createdAt' THEN g.createdAt ELSE g.name END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           g.id
  SKIP $skip LIMIT $limit
  RETURN collect(g {.*}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         UNWIND $scope AS aid
         MATCH (:Partner {id: aid})-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g:Program)
         WITH DISTINCT g
         WHERE ($kind IS NULL OR g.kind = $kind)
           AND ($commissionType IS NULL OR g.commissionType = $commissionType)
           AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
         RETURN g
       } END AS total,
       items
