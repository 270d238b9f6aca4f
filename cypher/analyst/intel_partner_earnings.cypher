// Analyst twin of cypher/queries/intel_partner_earnings.cypher, the query behind the
// GraphQL field partnerEarnings (commission arithmetic by the API). Identical
// statement (generated from that file by `graph-api generate-cypher`; edit the query,
// or the examples in graph_api/analyst.py, and regenerate). Run it in Neo4j Browser
// after the :param lines (edit the values; the examples name the demo graph of
// seed/demo.jsonl). $scope null means every partner; a list of partner ids shows what
// a partner portal would see.

:param partnerId => 'partner-tidal-managed-services';
:param from => date('2024-01-01');
:param to => date('2024-03-31');
:param scope => null;

// partnerEarnings: the partner's partnerships with their program terms, the won
// deals closed in [$from, $to] they are credited on (with every line on each
// deal, for the DECLARED split), and the leads they referred that converted in
// the period. Bounds are inclusive.
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(ps:Partnership)
  OPTIONAL MATCH (ps)-[:IN_PROGRAM]->(prog:Program)
  WITH ps, prog ORDER BY ps.id
  RETURN collect(CASE WHEN ps IS NULL THEN null ELSE {
    id: ps.id,
    program: {id: prog.id, name: prog.name, commissionType: prog.commissionType, commissionRate: prog.commissionRate, flatAmount: prog.flatAmount, currency: prog.currency}
  } END) AS partnerships
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage = 'won' AND d.closeDate >= $from AND d.closeDate <= $to
  WITH DISTINCT d
  CALL (d) {
    OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(ops:Partnership)<-[:HOLDS]-(:Partner)
    RETURN collect(CASE WHEN ops IS NULL THEN null ELSE {
      partnershipId: ops.id, role: a.role, share: a.share, at: a.at
    } END) AS lines
  }
  WITH d, lines ORDER BY d.closeDate, d.id
  RETURN collect(CASE WHEN d IS NULL THEN null ELSE {
    deal: {id: d.id, name: d.name, amount: d.amount, currency: d.currency, stage: d.stage, closeDate: d.closeDate}, lines: lines
  } END) AS deals
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(ps:Partnership)<-[:REFERRED_BY]-(l:Lead)-[:CONVERTED_TO]->(ld:Deal)
  WHERE l.convertedDate >= $from AND l.convertedDate <= $to
  WITH ps, l, min(ld.id) AS firstDeal
  OPTIONAL MATCH (fd:Deal {id: firstDeal})
  WITH ps, l, fd ORDER BY l.convertedDate, l.id
  RETURN collect(CASE WHEN l IS NULL THEN null ELSE {
    partnershipId: ps.id, id: l.id, convertedDate: l.convertedDate,
    deal: {id: fd.id, name: fd.name, amount: fd.amount, currency: fd.currency, stage: fd.stage, closeDate: fd.closeDate}
  } END) AS leads
}
RETURN p {.id, .name, .kind, .tier, .region} AS partner, partnerships, deals, leads;
