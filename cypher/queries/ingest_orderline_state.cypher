// Current INCLUDES edges for an upsert batch, whether both ends exist.
// $keys: [{i, orderId, productId}]
// Edges are matched by the end ids, never through a variable that may be null:
// the embedded store rebinds a null variable in a later OPTIONAL MATCH.
// A null key would make the embedded store scan the label: lookups use coalesce(x, '').
UNWIND $keys AS k
OPTIONAL MATCH (a:Order {id: coalesce(k.orderId, '')})
OPTIONAL MATCH (b:Product {id: coalesce(k.productId, '')})
OPTIONAL MATCH (:Order {id: coalesce(k.orderId, '')})-[r:INCLUDES]->(:Product {id: coalesce(k.productId, '')})
CALL (k) {
  OPTIONAL MATCH (:Order {id: coalesce(k.orderId, '')})<-[:PLACED]-(p:Partner)
  RETURN collect(p.id) AS partnerIds
}
RETURN k.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, r {.*} AS rel,
       partnerIds AS partnerIds,
       null AS extra
