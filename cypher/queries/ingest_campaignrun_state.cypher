// Current RUNS edges for an upsert batch, whether both ends exist.
// $keys: [{i, partnershipId, campaignId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Partnership {id: coalesce(k.partnershipId, '')})
OPTIONAL MATCH (b:Campaign {id: coalesce(k.campaignId, '')})
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})<-[:HOLDS]-(p:Partner)
OPTIONAL MATCH (:Partnership {id: coalesce(k.partnershipId, '')})-[r:RUNS]->(:Campaign {id: coalesce(k.campaignId, '')})
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       [x IN [p.id] WHERE x IS NOT NULL] AS partnerIds,
       null AS extra
