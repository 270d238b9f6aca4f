// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Partner: its properties (node),
// how many deal(s) credited to its partnerships block a plain delete (blocking),
// the nodes removed along with it (owned, each with its label as ownedLabel),
// and the partners concerned (partnerIds: itself).
MATCH (n:Partner {id: $id})
CALL (n) { OPTIONAL MATCH (n)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal) RETURN count(DISTINCT d) AS blocking }
RETURN n {.*} AS node, blocking,
       [(n)-[:HOLDS]->(o:Partnership) | o {.*, ownedLabel: 'Partnership'}]
         + [(n)-[:HAS_GOAL]->(o:Goal) | o {.*, ownedLabel: 'Goal'}] AS owned,
       [n.id] AS partnerIds
