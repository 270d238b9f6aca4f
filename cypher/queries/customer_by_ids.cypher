// Customers by id. Within a $scope a customer is visible when an in-scope
// partner SERVES it or holds a partnership credited on (or registered for) one of its deals.
UNWIND $ids AS wanted
MATCH (c:Customer {id: wanted})
WHERE $scope IS NULL
   OR EXISTS { MATCH (cp:Partner)-[:SERVES]->(c) WHERE cp.id IN $scope }
   OR EXISTS {
     MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c)
     WHERE cp.id IN $scope
   }
RETURN c.id AS id, c {.*} AS node
