// Analyst twin of cypher/queries/enablement_status.cypher, the query behind the
// GraphQL field enablementStatus (which tiers bind, what is met and the rates: by the
// API). Identical statement (generated from that file by `graph-api generate-cypher`;
// edit the query, or the examples in graph_api/analyst.py, and regenerate). Run it in
// Neo4j Browser after the :param lines (edit the values; the examples name the demo
// graph of seed/demo.jsonl). $scope null means every partner; a list of partner ids
// shows what a partner portal would see.

:param partnerId => 'partner-rheinland-technik';
:param asOf => date('2025-06-30');
:param until => date('2025-09-28');
:param scope => null;

// enablementStatus: one partner's standing against the requirements of every
// program it holds a partnership in, on $asOf.
//   requirements  each requirement (any tier) with the partner's contacts that
//                 satisfy it on $asOf: a valid certification (issued on or before,
//                 expiring on or after $asOf) for a certification course, a
//                 completion on or before $asOf for a training course
//   expiring      its contacts' certifications expiring in [$asOf, $until]
//   figures       contacts, completions and valid certifications on $asOf
// Which tiers apply, what is met and the completion rate are worked out by the
// API from these rows. Nothing comes back for a partner outside $scope.
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g:Program)-[:REQUIRES]->(r:Requirement)-[:OF_COURSE]->(c:Course)
  WITH DISTINCT p, g, r, c
  WHERE r IS NOT NULL
  CALL (p, c) {
    OPTIONAL MATCH (p)<-[:WORKS_FOR]-(ct:Contact)
    WHERE (c.kind = 'certification' AND EXISTS {
             MATCH (ct)-[x:CERTIFIED]->(c)
             WHERE x.issuedDate <= $asOf AND (x.expiresDate IS NULL OR x.expiresDate >= $asOf)
           })
       OR (c.kind <> 'certification' AND EXISTS {
             MATCH (ct)-[x:COMPLETED]->(c) WHERE x.completedDate <= $asOf
           })
    RETURN count(DISTINCT ct) AS held
  }
  WITH g, r, c, held ORDER BY g.id, r.tier, c.id, r.id
  RETURN collect({
    id: r.id, tier: r.tier, contacts: r.contacts, held: held,
    program: {id: g.id, name: g.name}, course: {id: c.id, name: c.name, kind: c.kind}
  }) AS requirements
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:WORKS_FOR]-(ct:Contact)-[x:CERTIFIED]->(c:Course)
  WHERE x.expiresDate >= $asOf AND x.expiresDate <= $until
  WITH ct, x, c ORDER BY x.expiresDate, ct.id, c.id
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE {
    contactId: ct.id, contactName: ct.name, courseId: c.id, courseName: c.name,
    issuedDate: x.issuedDate, expiresDate: x.expiresDate
  } END) AS expiring
}
RETURN p {.id, .name, .kind, .tier, .region} AS partner, requirements, expiring,
       COUNT { (p)<-[:WORKS_FOR]-(:Contact) } AS contacts,
       COUNT { (p)<-[:WORKS_FOR]-(:Contact)-[x:COMPLETED]->(:Course) WHERE x.completedDate <= $asOf } AS completions,
       COUNT { (p)<-[:WORKS_FOR]-(:Contact)-[x:CERTIFIED]->(:Course)
               WHERE x.issuedDate <= $asOf AND (x.expiresDate IS NULL OR x.expiresDate >= $asOf) } AS certifications;
