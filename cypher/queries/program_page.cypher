// One page of programs plus the total, for an unrestricted caller (null
// $scope): this lists every program, so it scans the label;
// program_page_partners serves a partner's scope (a scoped call that reached
// this file by mistake matches nothing). Filters (null = any): $kind,
// $commissionType, $nameContains. $sort: name | createdAt. Total only when
// asked ($withTotal).
CALL () {
  MATCH (g:Program)
  WHERE $scope IS NULL
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
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (g:Program)
         WHERE $scope IS NULL
           AND ($kind IS NULL OR g.kind = $kind)
           AND ($commissionType IS NULL OR g.commissionType = $commissionType)
           AND ($nameContains IS NULL OR toLower(g.name) CONTAINS toLower($nameContains))
       } END AS total,
       items
