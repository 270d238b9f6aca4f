// Alert condition `registration conflict`: a partner's (of $partners; all when
// null) active registration of a deal overlaps an active registration by another
// partner of a deal for the same customer (same node, or same domain), as
// registrationConflicts decides it (closed date ranges; a missing end is open).
// One pass: active registrations grouped by account (the customer's domain, or
// the customer itself without one), then compared within each group. The detail
// counts the other registrations and names none of them: they belong to others.
MATCH (c:Customer)<-[:FOR]-(d:Deal)<-[r:REGISTERED]-(:Partnership)<-[:HOLDS]-(p:Partner)
WHERE r.status IN ['pending', 'approved']
WITH CASE WHEN c.domain IS NULL THEN 'customer:' + c.id ELSE 'domain:' + c.domain END AS account,
     collect({partnerId: p.id, dealId: d.id, dealName: d.name,
              start: date(r.at), end: date(r.expiresAt)}) AS registrations
WHERE size(registrations) > 1
UNWIND registrations AS mine
WITH mine, registrations
WHERE $partners IS NULL OR mine.partnerId IN $partners
UNWIND registrations AS theirs
WITH mine, theirs
WHERE theirs.partnerId <> mine.partnerId
  AND (mine.end IS NULL OR theirs.start <= mine.end)
  AND (theirs.end IS NULL OR mine.start <= theirs.end)
WITH mine.partnerId AS partnerId, mine.dealId AS dealId, mine.dealName AS dealName,
     count(theirs) AS others
RETURN 'Deal' AS subjectType, dealId AS subjectId, partnerId,
       {dealId: dealId, dealName: dealName, conflicts: others} AS detail
