// Customers by id. Within a $scope a customer is visible when an in-scope
// partner SERVES it or holds a partnership credited on (or registered for) one of its deals.
// The patterns start at the customer, so no Partner scan per row.
UNWIND $ids AS wanted
MATCH (c:Customer {id: wanted})
WHERE $scope IS NULL
   OR EXISTS { MATCH (c)<-[:SERVES]-(cp:Partner) WHERE cp.id IN $scope }
   OR EXISTS {
     MATCH (c)<-[:FOR]-(:Deal)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)<-[:HOLDS]-(cp:Partner)
     WHERE cp.id IN $scope
   }
RETURN c.id AS id, c {.*} AS node
