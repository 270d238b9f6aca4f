// Whether the graph holds any partner (the demo data is loaded only into an empty graph).
MATCH (p:Partner)
RETURN p.id AS id
LIMIT 1
