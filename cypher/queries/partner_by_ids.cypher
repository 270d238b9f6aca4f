// Partners by id, for DataLoaders and lookups. Ids outside $scope (when set)
// come back as missing, exactly like unknown ids.
UNWIND $ids AS wanted
MATCH (p:Partner {id: wanted})
WHERE $scope IS NULL OR p.id IN $scope
RETURN p {.*} AS partner
