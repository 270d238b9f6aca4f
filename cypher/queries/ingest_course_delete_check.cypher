// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Course: its properties (node),
// how many requirement(s) naming it or contact(s) who completed or hold it block a plain delete (blocking),
// the nodes removed along with it (owned, each with its label as ownedLabel),
// and the partners concerned (partnerIds).
MATCH (n:Course {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:OF_COURSE|COMPLETED|CERTIFIED]-(d) RETURN count(DISTINCT d) AS blocking }
CALL (n) { OPTIONAL MATCH (n)<-[:COMPLETED|CERTIFIED]-(:Contact)-[:WORKS_FOR]->(p:Partner) RETURN collect(DISTINCT p.id) AS partnerIds }
RETURN n {.*} AS node, blocking,
       [(n)<-[:OF_COURSE]-(o:Requirement) | o {.*, ownedLabel: 'Requirement'}] AS owned,
       partnerIds
