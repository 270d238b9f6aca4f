// Contacts by id, visible when the customer they WORK_AT is visible (see customer_by_ids),
// or when they work for (WORKS_FOR) a partner in $scope: a partner's own staff.
UNWIND $ids AS wanted
MATCH (ct:Contact {id: wanted})
WHERE $scope IS NULL
   OR EXISTS {
     MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:SERVES]-(cp:Partner)
     WHERE cp.id IN $scope
   }
   OR EXISTS {
     MATCH (ct)-[:WORKS_AT]->(:Customer)<-[:FOR]-(:Deal)<-[:ATTRIBUTED|REGISTERED]-(:Partnership)
           <-[:HOLDS]-(cp:Partner)
     WHERE cp.id IN $scope
   }
   OR EXISTS { MATCH (ct)-[:WORKS_FOR]->(cp:Partner) WHERE cp.id IN $scope }
RETURN ct.id AS id, ct {.*, customerId: [(ct)-[:WORKS_AT]->(c:Customer) | c.id][0]} AS node
