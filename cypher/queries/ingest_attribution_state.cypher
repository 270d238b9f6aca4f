// Current ATTRIBUTED edges for an upsert batch, whether both ends exist, with every share already credited on the deal (the sum must stay <= 1).
// $keys: [{i, partnershipId, dealId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// Each pattern starts at its indexed end, so no label is scanned.
UNWIND $keys AS k
OPTIONAL MATCH (a:Partnership {id: k.partnershipId})
OPTIONAL MATCH (b:Deal {id: k.dealId})
OPTIONAL MATCH (:Partnership {id: k.partnershipId})-[r:ATTRIBUTED]->(:Deal {id: k.dealId})
OPTIONAL MATCH (:Partnership {id: k.partnershipId})<-[:HOLDS]-(p:Partner)
CALL (k) {
  OPTIONAL MATCH (:Deal {id: k.dealId})<-[s:ATTRIBUTED]-(o:Partnership)
  RETURN collect({partnershipId: o.id, share: s.share}) AS shares
}
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [p.id] WHERE x IS NOT NULL] AS partnerIds,
       shares AS extra
