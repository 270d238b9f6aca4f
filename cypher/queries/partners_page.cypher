// One page of partners plus the total, in one round trip.
// Filters are optional parameters; null means "any".
CALL () {
  MATCH (p:Partner)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($tier IS NULL OR p.tier = $tier)
    AND ($region IS NULL OR p.region = $region)
    AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Partner)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($kind IS NULL OR p.kind = $kind)
    AND ($tier IS NULL OR p.tier = $tier)
    AND ($region IS NULL OR p.region = $region)
    AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
  WITH p ORDER BY p.name, p.id
  SKIP $skip LIMIT $limit
  RETURN collect(p {.*}) AS partners
}
RETURN total, partners
