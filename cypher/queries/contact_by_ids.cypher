// Contacts by id, visible when the customer they WORK_AT is visible (see customer_by_ids).
UNWIND $ids AS wanted
MATCH (ct:Contact {id: wanted})
OPTIONAL MATCH (ct)-[:WORKS_AT]->(c:Customer)
WITH ct, c
WHERE $scope IS NULL
   OR EXISTS { MATCH (cp:Partner)-[:SERVES]->(c) WHERE cp.id IN $scope }
   OR EXISTS {
     MATCH (cp:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c)
     WHERE cp.id IN $scope
   }
RETURN ct.id AS id, ct {.*, customerId: c.id} AS node
