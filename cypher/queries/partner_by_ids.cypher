// Partners by id, for DataLoaders and lookups. Ids outside $scope (when set)
// come back as missing, exactly like unknown ids. distributorId is the
// partner this one RESELLS_FOR, if any.
UNWIND $ids AS wanted
MATCH (p:Partner {id: wanted})
WHERE $scope IS NULL OR p.id IN $scope
RETURN p.id AS id,
       p {.*, distributorId: [(p)-[:RESELLS_FOR]->(up:Partner) | up.id][0]} AS node
