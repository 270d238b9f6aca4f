// Warranty claims by id, visible when the partner that FILED it is in $scope; with
// the ids of that partner, the product and the customer.
UNWIND $ids AS wanted
MATCH (w:WarrantyClaim {id: wanted})<-[:FILED]-(p:Partner)
WHERE $scope IS NULL OR p.id IN $scope
RETURN w.id AS id, w {.*, partnerId: p.id,
  productId: [(w)-[:FOR_PRODUCT]->(pr:Product) | pr.id][0],
  customerId: [(w)-[:AT_CUSTOMER]->(c:Customer) | c.id][0]} AS node
