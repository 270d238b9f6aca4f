// Analyst twin of cypher/queries/certification_page.cypher, the query behind the
// GraphQL field certifications. Identical statement (generated from that file by
// `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param partnerId => 'partner-rheinland-technik';
:param contactId => null;
:param courseId => null;
:param expiresBy => null;
:param scope => null;
:param skip => 0;
:param limit => 25;
:param withTotal => true;

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
       items;
