// graph-api bench, entity suite, reference for shape "portal": the first page
// of one partner's portal as its own token sees it. Its scope is itself and
// every partner below it (RESELLS_FOR*1..10), so credits on its deals show
// only partnerships of that scope. Sections: the header (registrations in the
// period, won count and value, win rate over closed deals), its $deals latest
// deals (credited or registered, newest createdAt first) with customer and
// credits, and its partnerships (by start date) with their registrations.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)<-[:RESELLS_FOR*1..10]-(below:Partner)
WITH p, [p.id] + collect(DISTINCT below.id) AS scope
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
  WHERE date(r.at) >= $from AND date(r.at) <= $to
  RETURN count(DISTINCT d) AS registered
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WHERE d.stage IN ['won', 'lost'] AND d.closeDate >= $from AND d.closeDate <= $to
  WITH DISTINCT d
  RETURN count(CASE WHEN d.stage = 'won' THEN 1 END) AS won, count(d) AS closed,
         sum(CASE WHEN d.stage = 'won' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS value
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d:Deal)
  RETURN count(DISTINCT d) AS dealTotal
}
CALL (p, scope) {
  OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d:Deal)
  WITH DISTINCT d, scope ORDER BY d.createdAt DESC, d.id LIMIT $deals
  CALL (d, scope) {
    OPTIONAL MATCH (d)<-[a:ATTRIBUTED]-(s:Partnership)<-[:HOLDS]-(cp:Partner)
    WHERE cp.id IN scope
    WITH s, a ORDER BY a.share DESC, s.id LIMIT $credits
    RETURN collect(CASE WHEN a IS NULL THEN null ELSE {
      partnershipId: s.id, role: toUpper(a.role), share: a.share
    } END) AS credits
  }
  RETURN collect(CASE WHEN d IS NULL THEN null ELSE {
    id: d.id, name: d.name, amount: d.amount, stage: toUpper(d.stage),
    customer: [(d)-[:FOR]->(c:Customer) | {id: c.id, name: c.name}][0],
    attributions: {nodes: credits}
  } END) AS latest
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HOLDS]->(s:Partnership)
  WITH s ORDER BY s.startDate, s.id LIMIT $partnerships
  CALL (s) {
    OPTIONAL MATCH (s)-[r:REGISTERED]->(d:Deal)
    WITH r, d ORDER BY r.at DESC, d.id LIMIT $registrations
    RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
      dealId: d.id, status: toUpper(r.status)
    } END) AS regs
  }
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {
    id: s.id, program: [(s)-[:IN_PROGRAM]->(g:Program) | {name: g.name}][0],
    registrations: {nodes: regs}
  } END) AS held
}
RETURN {id: p.id, name: p.name, tier: toUpper(p.tier), region: p.region} AS partner,
       {registeredDeals: registered, wonDeals: won, wonValue: value,
        winRate: CASE WHEN closed = 0 THEN null ELSE toFloat(won) / closed END} AS partnerDashboard,
       {totalCount: dealTotal, nodes: latest} AS deals,
       {nodes: held} AS partnerships
