// Before deleting a Product: its properties, how many order lines, stock levels and
// warranty claims naming it block a plain delete (blocking; with cascade, lines and
// stock levels go with it and claims stay without a product), and the partners
// that stock it or filed claims for it.
MATCH (n:Product {id: $id})
CALL (n) {
  RETURN COUNT { (n)<-[:INCLUDES]-(:Order) } + COUNT { (n)<-[:STOCKS]-(:Partner) }
         + COUNT { (n)<-[:FOR_PRODUCT]-(:WarrantyClaim) } AS blocking
}
CALL (n) {
  OPTIONAL MATCH (n)<-[:STOCKS]-(p:Partner)
  RETURN collect(DISTINCT p.id) AS stockists
}
CALL (n) {
  OPTIONAL MATCH (n)<-[:FOR_PRODUCT]-(:WarrantyClaim)<-[:FILED]-(p:Partner)
  RETURN collect(DISTINCT p.id) AS claimants
}
RETURN n {.*} AS node, blocking, [] AS owned,
       stockists + [x IN claimants WHERE NOT x IN stockists] AS partnerIds
