// Test support: how many nodes and relationships the graph holds.
MATCH (n)
WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->()
RETURN nodes, count(r) AS rels
