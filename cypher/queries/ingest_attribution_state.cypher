// Current ATTRIBUTED edges for an upsert batch, whether both ends exist, with every share already credited on the deal (the sum must stay <= 1).
// $keys: [{i, partnershipId, dealId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
UNWIND $keys AS k
OPTIONAL MATCH (a:Partnership {id: k.partnershipId})
OPTIONAL MATCH (b:Deal {id: k.dealId})
OPTIONAL MATCH (:Partnership {id: k.partnershipId})-[r:ATTRIBUTED]->(:Deal {id: k.dealId})
OPTIONAL MATCH (p:Partner)-[:HOLDS]->(:Partnership {id: k.partnershipId})
CALL (k) {
  OPTIONAL MATCH (o:Partnership)-[s:ATTRIBUTED]->(:Deal {id: k.dealId})
  RETURN collect({partnershipId: o.id, share: s.share}) AS shares
}
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [p.id] WHERE x IS NOT NULL] AS partnerIds,
       shares AS extra
