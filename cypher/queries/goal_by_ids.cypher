// Goals by id, visible when the partner that HAS_GOAL is in $scope.
UNWIND $ids AS wanted
MATCH (g:Goal {id: wanted})
WHERE $scope IS NULL OR EXISTS { MATCH (gp:Partner)-[:HAS_GOAL]->(g) WHERE gp.id IN $scope }
RETURN g.id AS id, g {.*, partnerId: [(p:Partner)-[:HAS_GOAL]->(g) | p.id][0]} AS node
