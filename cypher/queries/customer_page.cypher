// One page of customers plus the total, for an unrestricted caller (null
// $scope): this lists every customer, so it scans the label;
// customer_page_partners serves a partner's scope (a scoped call that reached
// this file by mistake matches nothing). Filters (null = any): $region,
// $industry, $size, $nameContains. $sort: name | createdAt | size. Total only
// when asked ($withTotal).
CALL () {
  MATCH (c:Customer)
  WHERE $scope IS NULL
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
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (c:Customer)
         WHERE $scope IS NULL
           AND ($region IS NULL OR c.region = $region)
           AND ($industry IS NULL OR toLower(c.industry) = toLower($industry))
           AND ($size IS NULL OR c.size = $size)
           AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
       } END AS total,
       items
