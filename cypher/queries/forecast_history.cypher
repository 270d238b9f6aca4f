// forecast: everything the forecast model reads, in one statement.
//   partners      every partner with its tier, region and programs (priors and groups)
//   deals         every deal credited to a partner: amount, stage, created and close
//                 dates, and the partners credited (through their partnerships)
//   stageChanges  the change-log entries that set a deal's stage (its create entry
//                 and each update of `stage`), whose JSON before/after name the stages
//                 each deal went through
//   goals         the goals of $goalPartnerId (null: none) still running at $from,
//                 with the leads converted and deals registered in the goal's period
//                 up to $asOf (the other metrics are computed from `deals`)
// Win rates and stage probabilities are ecosystem aggregates: the caller's scope
// picks which partners are forecast (in the resolver), not what history is learned.
CALL () {
  MATCH (p:Partner)
  WITH p ORDER BY p.id
  RETURN collect({
    id: p.id, name: p.name, tier: p.tier, region: p.region,
    programs: [(p)-[:HOLDS]->(:Partnership)-[:IN_PROGRAM]->(g:Program) | {id: g.id, name: g.name}]
  }) AS partners
}
CALL () {
  MATCH (p:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
  WITH d, collect(DISTINCT p.id) AS partnerIds
  ORDER BY d.id
  RETURN collect({
    id: d.id, amount: d.amount, stage: d.stage, createdDate: d.createdDate,
    closeDate: d.closeDate, partnerIds: partnerIds
  }) AS deals
}
CALL () {
  MATCH (ch:Change {entityType: 'Deal'})
  WHERE ch.operation = 'create' OR 'stage' IN ch.changedFields
  RETURN collect({dealId: ch.entityId, before: ch.before, after: ch.after}) AS stageChanges
}
CALL () {
  OPTIONAL MATCH (p:Partner {id: $goalPartnerId})-[:HAS_GOAL]->(g:Goal)
  WHERE g.periodEnd >= $from
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)<-[:REFERRED_BY]-(l:Lead)
    WHERE g IS NOT NULL AND l.convertedDate >= g.periodStart AND l.convertedDate <= g.periodEnd
      AND l.convertedDate <= $asOf AND EXISTS { (l)-[:CONVERTED_TO]->(:Deal) }
    RETURN count(DISTINCT l) AS gLeads
  }
  CALL (p, g) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)
    WHERE g IS NOT NULL AND date(r.at) >= g.periodStart AND date(r.at) <= g.periodEnd
      AND date(r.at) <= $asOf
    RETURN count(DISTINCT d) AS gRegistrations
  }
  WITH g, CASE g.metric
      WHEN 'leads_converted' THEN toFloat(gLeads)
      WHEN 'registrations' THEN toFloat(gRegistrations)
    END AS actual
  ORDER BY g.periodEnd, g.id
  RETURN collect(CASE WHEN g IS NULL THEN null ELSE {
    id: g.id, metric: g.metric, target: g.target, periodStart: g.periodStart,
    periodEnd: g.periodEnd, actual: actual
  } END) AS goals
}
RETURN partners, deals, stageChanges, goals
