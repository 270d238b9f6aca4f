// Alert condition `stock low`: a partner's (of $partners; all when null) stock of
// a product is below its reorder point.
MATCH (p:Partner)-[s:STOCKS]->(pr:Product)
WHERE s.reorderPoint IS NOT NULL AND s.quantity < s.reorderPoint
  AND ($partners IS NULL OR p.id IN $partners)
RETURN 'StockLevel' AS subjectType, p.id + '->' + pr.id AS subjectId, p.id AS partnerId,
       {productId: pr.id, sku: pr.sku, quantity: s.quantity, reorderPoint: s.reorderPoint}
         AS detail
