// Partnerships by id, visible when their partner is in $scope (null = all).
UNWIND $ids AS wanted
MATCH (s:Partnership {id: wanted})
WHERE $scope IS NULL OR EXISTS { MATCH (sp:Partner)-[:HOLDS]->(s) WHERE sp.id IN $scope }
RETURN s.id AS id,
       s {.*,
         partnerId: [(p:Partner)-[:HOLDS]->(s) | p.id][0],
         programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]} AS node
