// One page of course completions by the contacts of partners (WORKS_FOR), newest
// first (completedDate, then contact and course id), plus the total (only when
// $withTotal). Filters (null = any): $partnerId, $contactId, $courseId. A scoped
// caller sees its scope's partners' contacts only. A contact working for two
// partners appears once per partner.
CALL () {
  MATCH (p:Partner)<-[:WORKS_FOR]-(ct:Contact)-[x:COMPLETED]->(c:Course)
  WHERE ($scope IS NULL OR p.id IN $scope)
    AND ($partnerId IS NULL OR p.id = $partnerId)
    AND ($contactId IS NULL OR ct.id = $contactId)
    AND ($courseId IS NULL OR c.id = $courseId)
  WITH p, ct, x, c ORDER BY x.completedDate DESC, ct.id, c.id, p.id
  SKIP $skip LIMIT $limit
  RETURN collect(x {.*, partnerId: p.id, contactId: ct.id, contactName: ct.name,
                      courseId: c.id, courseName: c.name}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (p:Partner)<-[:WORKS_FOR]-(ct:Contact)-[x:COMPLETED]->(c:Course)
         WHERE ($scope IS NULL OR p.id IN $scope)
           AND ($partnerId IS NULL OR p.id = $partnerId)
           AND ($contactId IS NULL OR ct.id = $contactId)
           AND ($courseId IS NULL OR c.id = $courseId)
       } END AS total,
       items
