// One page of the product catalogue plus the total (only when $withTotal), by sku
// then id. Filter (null = any): $family. Open to every caller, as product_by_ids.
CALL () {
  MATCH (pr:Product)
  WHERE $family IS NULL OR pr.family = $family
  WITH pr ORDER BY pr.sku, pr.id
  SKIP $skip LIMIT $limit
  RETURN collect(pr {.*}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (pr:Product) WHERE $family IS NULL OR pr.family = $family
       } END AS total,
       items
