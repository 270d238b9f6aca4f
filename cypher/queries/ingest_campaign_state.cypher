// Current Campaigns for an upsert batch, and the partners running them through
// their partnerships (for change scoping). $keys: [{i, id}]
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (n:Campaign {id: coalesce(k.id, '')})
CALL (k) {
  OPTIONAL MATCH (:Campaign {id: coalesce(k.id, '')})<-[:RUNS]-(:Partnership)<-[:HOLDS]-(p:Partner)
  RETURN collect(DISTINCT p.id) AS partnerIds
}
RETURN k.i AS i, n {.*} AS node, {} AS current, {} AS found, partnerIds
