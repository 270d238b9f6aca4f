// Analyst twin of cypher/queries/intel_registration_conflicts.cypher, the query
// behind the GraphQL field registrationConflicts. Identical statement (generated from
// that file by `graph-api generate-cypher`; edit the query, or the examples in
// graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after the :param
// lines (edit the values; the examples name the demo graph of seed/demo.jsonl).
// $scope null means every partner; a list of partner ids shows what a partner portal
// would see.

:param dealId => 'deal-012';
:param scope => null;

// registrationConflicts: active (pending or approved) registrations by other
// partners for the same customer (same node, or same normalized domain) whose
// windows overlap this deal's. This deal's windows are its own active
// registrations [date(at), date(expiresAt)]; with none, its [createdDate,
// closeDate]. Windows are closed date ranges (touching on a day overlaps); a
// missing end is open. Registrations by the deal's own registering partner
// never conflict. Conflicts by partners outside a scoped caller's scope come
// back without their partner, partnership, deal and customer.
MATCH (d:Deal {id: $dealId})
WHERE $scope IS NULL
   OR EXISTS { MATCH (d)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(x:Partner) WHERE x.id IN $scope }
OPTIONAL MATCH (d)-[:FOR]->(c:Customer)
CALL (d) {
  OPTIONAL MATCH (d)<-[own:REGISTERED]-(ops:Partnership)<-[:HOLDS]-(op:Partner)
  WHERE own.status IN ['pending', 'approved']
  RETURN collect(CASE WHEN own IS NULL THEN null ELSE {
    partnerId: op.id, partnershipId: ops.id, start: date(own.at), end: date(own.expiresAt)
  } END) AS owns
}
WITH d, c, CASE WHEN size(owns) = 0
  THEN [{partnerId: null, partnershipId: null, start: d.createdDate, end: d.closeDate}]
  ELSE owns END AS refs
CALL (d, c, refs) {
  CALL (c) {
    MATCH (c2:Customer) WHERE c2 = c RETURN c2
    UNION
    MATCH (c2:Customer) WHERE c.domain IS NOT NULL AND c2.domain = c.domain RETURN c2
  }
  MATCH (c2)<-[:FOR]-(d2:Deal)<-[r2:REGISTERED]-(ps2:Partnership)<-[:HOLDS]-(p2:Partner)
  WHERE r2.status IN ['pending', 'approved']
  UNWIND refs AS ref
  WITH c, c2, p2, ps2, r2, d2, ref
  WHERE (ref.partnerId IS NULL OR p2.id <> ref.partnerId)
    AND (ref.end IS NULL OR date(r2.at) <= ref.end)
    AND (r2.expiresAt IS NULL OR ref.start IS NULL OR ref.start <= date(r2.expiresAt))
  WITH c, c2, p2, ps2, r2, d2, collect(DISTINCT ref.partnershipId) AS against,
       $scope IS NULL OR p2.id IN $scope AS seen
  ORDER BY r2.at, d2.id, ps2.id
  RETURN collect({
    partner: CASE WHEN seen THEN {id: p2.id, name: p2.name, kind: p2.kind, tier: p2.tier, region: p2.region} END,
    partnershipId: CASE WHEN seen THEN ps2.id END,
    deal: CASE WHEN seen THEN {id: d2.id, name: d2.name, amount: d2.amount, currency: d2.currency, stage: d2.stage, closeDate: d2.closeDate} END,
    customer: CASE WHEN seen THEN {id: c2.id, name: c2.name, domain: c2.domain} END,
    matchedBy: CASE WHEN c2 = c THEN 'NODE' ELSE 'DOMAIN' END,
    status: r2.status, at: r2.at, expiresAt: r2.expiresAt,
    against: against, redacted: NOT seen
  }) AS conflicts
}
RETURN d {.id, .name, .amount, .currency, .stage, .closeDate} AS deal,
       c {.id, .name, .domain} AS customer, conflicts;
