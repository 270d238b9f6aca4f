// Current ATTRIBUTED edges for an upsert batch, whether both ends exist, with every share already credited on the deal (the sum must stay <= 1).
// $keys: [{i, partnershipId, dealId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// Each pattern starts at its indexed end, so no label is scanned.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Partnership {id: coalesce(k.partnershipId, '')})
OPTIONAL MATCH (b:Deal {id: coalesce(k.dealId, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})-[r:ATTRIBUTED]->(:Deal {id: coalesce(k.dealId, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})<-[:HOLDS]-(p:Partner)
CALL (k) {
  OPTIONAL MATCH (:Deal {id: coalesce(k.dealId, '')})<-[s:ATTRIBUTED]-(o:Partnership)
  RETURN collect({partnershipId: o.id, share: s.share}) AS shares
}
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [p.id] WHERE x IS NOT NULL] AS partnerIds,
       shares AS extra
