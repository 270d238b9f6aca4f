// One page of program requirements plus the total (only when $withTotal), by
// program, tier, course and id. Filters (null = any): $programId, $courseId,
// $tier. A scoped caller sees the requirements of its scope's programs.
CALL () {
  MATCH (g:Program)-[:REQUIRES]->(r:Requirement)-[:OF_COURSE]->(c:Course)
  WHERE ($programId IS NULL OR g.id = $programId)
    AND ($courseId IS NULL OR c.id = $courseId)
    AND ($tier IS NULL OR r.tier = $tier)
    AND ($scope IS NULL OR EXISTS {
      MATCH (g)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(sp:Partner) WHERE sp.id IN $scope
    })
  WITH g, r, c ORDER BY g.id, r.tier, c.id, r.id
  SKIP $skip LIMIT $limit
  RETURN collect(r {.*, programId: g.id, courseId: c.id}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (g:Program)-[:REQUIRES]->(r:Requirement)-[:OF_COURSE]->(c:Course)
         WHERE ($programId IS NULL OR g.id = $programId)
           AND ($courseId IS NULL OR c.id = $courseId)
           AND ($tier IS NULL OR r.tier = $tier)
           AND ($scope IS NULL OR EXISTS {
             MATCH (g)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(sp:Partner) WHERE sp.id IN $scope
           })
       } END AS total,
       items
