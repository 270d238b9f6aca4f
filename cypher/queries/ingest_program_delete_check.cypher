// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Program: its properties (node),
// how many partnership(s) enrolled in it block a plain delete (blocking),
// the nodes removed along with it (owned, each with its label as ownedLabel),
// and the partners concerned (partnerIds).
MATCH (n:Program {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(d:Partnership) RETURN count(DISTINCT d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:IN_PROGRAM]-(:Partnership)<-[:HOLDS]-(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking,
       [(n)<-[:IN_PROGRAM]-(o:Partnership) | o {.*, ownedLabel: 'Partnership'}] AS owned,
       partnerIds
