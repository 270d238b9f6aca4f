// Orders by id, visible when the partner that PLACED it is in $scope; with the
// partner's id and the lines (INCLUDES) with their products.
UNWIND $ids AS wanted
MATCH (o:Order {id: wanted})<-[:PLACED]-(p:Partner)
WHERE $scope IS NULL OR p.id IN $scope
RETURN o.id AS id, o {.*, partnerId: p.id,
  lines: [(o)-[l:INCLUDES]->(pr:Product) | l {.quantity, .unitPrice, productId: pr.id, sku: pr.sku, productName: pr.name, family: pr.family}]
} AS node
