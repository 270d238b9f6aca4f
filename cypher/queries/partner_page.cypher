// One page of partners plus the total, in one round trip; the total is
// counted only when asked ($withTotal).
// Filters are optional parameters; null means "any". $sort is one of the
// PartnerSort values (name, createdAt, tier, region); $desc flips the order.
CALL () {
  MATCH (p:Partner)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($tier IS NULL OR p.tier = $tier)
    AND ($region IS NULL OR p.region = $region)
    AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
  WITH p, CASE $sort
      WHEN 'createdAt' THEN p.createdAt
      WHEN 'tier' THEN p.tier
      WHEN 'region' THEN p.region
      ELSE p.name
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           p.id
  SKIP $skip LIMIT $limit
  RETURN collect(p {.*, distributorId: [(p)-[:RESELLS_FOR]->(up:Partner) | up.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (p:Partner)
         WHERE ($scope IS NULL OR p.id IN $scope)
           AND ($kind IS NULL OR p.kind = $kind)
           AND ($tier IS NULL OR p.tier = $tier)
           AND ($region IS NULL OR p.region = $region)
           AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
       } END AS total,
       items
