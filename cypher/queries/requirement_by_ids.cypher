// Requirements by id, visible when their program is (a partner sees the
// requirements of the programs its scope is enrolled in, as program_by_ids).
UNWIND $ids AS wanted
MATCH (r:Requirement {id: wanted})
WHERE $scope IS NULL OR EXISTS {
  MATCH (r)<-[:REQUIRES]-(:Program)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(sp:Partner)
  WHERE sp.id IN $scope
}
RETURN r.id AS id, r {.*,
  programId: [(r)<-[:REQUIRES]-(g:Program) | g.id][0],
  courseId: [(r)-[:OF_COURSE]->(c:Course) | c.id][0]} AS node
