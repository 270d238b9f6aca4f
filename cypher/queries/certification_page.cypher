// One page of certifications held by the contacts of partners (WORKS_FOR), soonest
// expiry first (then contact and course id), plus the total (only when $withTotal).
// Filters (null = any): $partnerId, $contactId, $courseId, $expiresBy (expiring on
// or before that date). A scoped caller sees its scope's partners' contacts only.
CALL () {
  MATCH (p:Partner)<-[:WORKS_FOR]-(ct:Contact)-[x:CERTIFIED]->(c:Course)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($partnerId IS NULL OR p.id = $partnerId)
    AND ($contactId IS NULL OR ct.id = $contactId)
    AND ($courseId IS NULL OR c.id = $courseId)
    AND ($expiresBy IS NULL OR x.expiresDate <= $expiresBy)
  WITH p, ct, x, c ORDER BY x.expiresDate, ct.id, c.id, p.id
  SKIP $skip LIMIT $limit
  RETURN collect(x {.*, partnerId: p.id, contactId: ct.id, contactName: ct.name,
                      courseId: c.id, courseName: c.name}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (p:Partner)<-[:WORKS_FOR]-(ct:Contact)-[x:CERTIFIED]->(c:Course)
         WHERE ($scope IS NULL OR p.id IN $scope)
           AND ($partnerId IS NULL OR p.id = $partnerId)
           AND ($contactId IS NULL OR ct.id = $contactId)
           AND ($courseId IS NULL OR c.id = $courseId)
           AND ($expiresBy IS NULL OR x.expiresDate <= $expiresBy)
       } END AS total,
       items
