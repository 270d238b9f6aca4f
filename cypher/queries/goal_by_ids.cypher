// Goals by id, visible when the partner that HAS_GOAL is in $scope.
UNWIND $ids AS wanted
MATCH (g:Goal {id: wanted})
WHERE $scope IS NULL OR EXISTS { MATCH (g)<-[:HAS_GOAL]-(gp:Partner) WHERE gp.id IN $scope }
RETURN g.id AS id, g {.*, partnerId: [(g)<-[:HAS_GOAL]-(p:Partner) | p.id][0]} AS node
