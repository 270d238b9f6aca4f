// Alert condition `registration conflict`: a partner's (of $partners; all when
// null) active registration of a deal overlaps an active registration by another
// partner of a deal for the same customer (same node, or same domain), as
// registrationConflicts decides it. The detail counts the other registrations and
// names none of them: they belong to other partners.
MATCH (p:Partner)-[:HOLDS]->(:Partnership)-[r:REGISTERED]->(d:Deal)-[:FOR]->(c:Customer)
WHERE r.status IN ['pending', 'approved'] AND ($partners IS NULL OR p.id IN $partners)
CALL (c) {
  MATCH (c2:Customer) WHERE c2 = c RETURN c2
  UNION
  MATCH (c2:Customer) WHERE c.domain IS NOT NULL AND c2.domain = c.domain RETURN c2
}
MATCH (c2)<-[:FOR]-(d2:Deal)<-[r2:REGISTERED]-(:Partnership)<-[:HOLDS]-(p2:Partner)
WHERE p2 <> p AND r2.status IN ['pending', 'approved']
  AND (r.expiresAt IS NULL OR date(r2.at) <= date(r.expiresAt))
  AND (r2.expiresAt IS NULL OR date(r.at) <= date(r2.expiresAt))
WITH p, d, count(DISTINCT r2) AS others
RETURN 'Deal' AS subjectType, d.id AS subjectId, p.id AS partnerId,
       {dealId: d.id, dealName: d.name, conflicts: others} AS detail
