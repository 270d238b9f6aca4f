// Products by id. The product catalogue is open to every caller ($scope is not
// consulted): what a partner may order is no partner's data.
UNWIND $ids AS wanted
MATCH (pr:Product {id: wanted})
RETURN pr.id AS id, pr {.*} AS node
