// Programs by id: a partner sees only the programs its scope is enrolled in.
UNWIND $ids AS wanted
MATCH (g:Program {id: wanted})
WHERE $scope IS NULL OR EXISTS {
  MATCH (g)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(sp:Partner)
  WHERE sp.id IN $scope
}
RETURN g.id AS id, g {.*} AS node
