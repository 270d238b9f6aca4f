// Partnerships by id, visible when their partner is in $scope (null = all).
// Patterns start at the partnership, so no Partner scan per row.
UNWIND $ids AS wanted
MATCH (s:Partnership {id: wanted})
WHERE $scope IS NULL OR EXISTS { MATCH (s)<-[:HOLDS]-(sp:Partner) WHERE sp.id IN $scope }
RETURN s.id AS id,
       s {.*,
         partnerId: [(s)<-[:HOLDS]-(p:Partner) | p.id][0],
         programId: [(s)-[:IN_PROGRAM]->(g:Program) | g.id][0]} AS node
