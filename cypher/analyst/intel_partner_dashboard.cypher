// Analyst twin of cypher/queries/intel_partner_dashboard.cypher, the query behind the
// GraphQL field partnerDashboard (percentiles and earnings by the API). Identical
// statement (generated from that file by `graph-api generate-cypher`; edit the query,
// or the examples in graph_api/analyst.py, and regenerate). Run it in Neo4j Browser
// after the :param lines (edit the values; the examples name the demo graph of
// seed/demo.jsonl). $scope null means every partner; a list of partner ids shows what
// a partner portal would see.

:param partnerId => 'partner-northstar-distribution';
:param from => date('2024-01-01');
:param to => date('2024-12-31');
:param scope => null;

// partnerDashboard: one partner's period in one statement. All period bounds
// are inclusive; "credited" means one of the partner's partnerships has an
// ATTRIBUTED edge to the deal. Sections:
//   registrations  deals registered with date(at) in the period
//   pipeline       credited deals created in the period and still open, by stage
//   closed         credited deals closed in the period: won count/value, closed count,
//                  lost value (won and lost are outcomes, never pipeline stages)
//   leads          leads referred by its partnerships created in the period, converted
//   deals/leads    inputs for DECLARED credit and earnings (as partnerEarnings)
//   goals          goals overlapping the period, with the value reached in the goal's period
//   peers          won value and closed counts of every partner of the same tier
//   coSellers      top 5 partners credited on the same deals (all time), ties by id
//   children       partners reselling for it at any depth (RESELLS_FOR*1..6) with
//                  their period results (within a scoped caller's scope)
MATCH (p:Partner {id: $partnerId})
WHERE $scope IS NULL OR p.id IN $scope
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
  WHERE date(r.at) >= $from AND date(r.at) <= $to
  RETURN count(DISTINCT d) AS registeredDeals
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.createdDate >= $from AND d.createdDate <= $to
    AND d.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
  WITH DISTINCT d
  WITH d.stage AS stage, count(d) AS deals, sum(coalesce(d.amount, 0.0)) AS value
  WHERE deals > 0
  ORDER BY stage
  RETURN collect({stage: stage, count: deals, value: value}) AS pipeline
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage IN ['won', 'lost'] AND d.closeDate >= $from AND d.closeDate <= $to
  WITH DISTINCT d
  RETURN count(CASE WHEN d.stage = 'won' THEN 1 END) AS wonDeals, count(d) AS closedDeals,
         sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonValue,
         sum(CASE WHEN d.stage = 'lost' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS lostValue
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(l:Lead)
  WHERE l.createdDate >= $from AND l.createdDate <= $to
  WITH DISTINCT l
  RETURN count(l) AS leads,
         count(CASE WHEN EXISTS { (l)-[:CONVERTED_TO]->(:Deal) } THEN 1 END) AS convertedLeads
}
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
    deal: {id: d.id, name: d.name, amount: d.amount, currency: d.currency, stage: d.stage, closeDate: d.closeDate},
    lines: lines
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
  } END) AS leadLines
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_GOAL]->(g:Goal)
  WHERE g.periodStart <= $to AND g.periodEnd >= $from
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
    WHERE g IS NOT NULL AND d.stage = 'won' AND d.closeDate >= g.periodStart AND d.closeDate <= g.periodEnd
    WITH DISTINCT d
    RETURN sum(coalesce(d.amount, 0.0)) AS gWonValue, count(d) AS gWonDeals
  }
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(l:Lead)
    WHERE g IS NOT NULL AND l.convertedDate >= g.periodStart AND l.convertedDate <= g.periodEnd
      AND EXISTS { (l)-[:CONVERTED_TO]->(:Deal) }
    WITH DISTINCT l
    RETURN count(l) AS gLeads
  }
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
    WHERE g IS NOT NULL AND date(r.at) >= g.periodStart AND date(r.at) <= g.periodEnd
    RETURN count(DISTINCT d) AS gRegistrations
  }
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
    WHERE g IS NOT NULL AND d.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
      AND d.createdDate >= g.periodStart AND d.createdDate <= g.periodEnd
    WITH DISTINCT d
    RETURN sum(coalesce(d.amount, 0.0)) AS gPipeline
  }
  WITH g, CASE g.metric
      WHEN 'won_value' THEN gWonValue
      WHEN 'deals_won' THEN toFloat(gWonDeals)
      WHEN 'leads_converted' THEN toFloat(gLeads)
      WHEN 'registrations' THEN toFloat(gRegistrations)
      WHEN 'pipeline_value' THEN gPipeline
    END AS actual
  ORDER BY g.periodStart, g.id
  RETURN collect(CASE WHEN g IS NULL THEN null ELSE {
    id: g.id, metric: g.metric, target: g.target, periodStart: g.periodStart,
    periodEnd: g.periodEnd, actual: actual
  } END) AS goals
}
CALL (p) {
  MATCH (peer:Partner {tier: p.tier})
  WHERE peer <> p
  CALL (peer) {
    OPTIONAL MATCH (peer)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
    WHERE d.stage IN ['won', 'lost'] AND d.closeDate >= $from AND d.closeDate <= $to
    WITH DISTINCT d
    RETURN sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wv,
           count(CASE WHEN d.stage = 'won' THEN 1 END) AS w, count(d) AS c
  }
  RETURN collect({wonValue: wv, won: w, closed: c}) AS peers
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(q:Partner)
  WHERE q <> p
  WITH q, count(DISTINCT d) AS shared
  WHERE q IS NOT NULL
  ORDER BY shared DESC, q.id
  LIMIT 5
  RETURN collect({partner: {id: q.id, name: q.name, kind: q.kind, tier: q.tier, region: q.region}, sharedDeals: shared}) AS coSellers
}
CALL (p) {
  OPTIONAL MATCH chain = (p)<-[:RESELLS_FOR*1..6]-(child:Partner)
  WHERE $scope IS NULL OR child.id IN $scope
  WITH child, min(length(chain)) AS depth
  WHERE child IS NOT NULL
  CALL (child) {
    OPTIONAL MATCH (child)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
    WHERE d.stage IN ['won', 'lost'] AND d.closeDate >= $from AND d.closeDate <= $to
    WITH DISTINCT d
    RETURN sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wv,
           count(CASE WHEN d.stage = 'won' THEN 1 END) AS w, count(d) AS c
  }
  WITH child, depth, wv, w, c, [(child)-[:RESELLS_FOR]->(up:Partner) | up.id] AS parents
  ORDER BY depth, child.id
  RETURN collect({
    partner: {id: child.id, name: child.name, kind: child.kind, tier: child.tier, region: child.region},
    depth: depth, parentId: parents[0], wonValue: wv, wonDeals: w, closedDeals: c
  }) AS children
}
RETURN p {.id, .name, .kind, .tier, .region} AS partner, registeredDeals, pipeline,
       wonDeals, closedDeals, wonValue, lostValue, leads, convertedLeads, partnerships, deals,
       leadLines, goals, peers, coSellers, children;
