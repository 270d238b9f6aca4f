// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Before deleting a Customer: its properties (node),
// how many deal(s) for it block a plain delete (blocking),
// the nodes removed along with it (owned, each with its label as ownedLabel),
// and the partners concerned (partnerIds: none).
MATCH (n:Customer {id: $id})
CALL (n) { OPTIONAL MATCH (n)<-[:FOR]-(d:Deal) RETURN count(DISTINCT d) AS blocking }
RETURN n {.*} AS node, blocking,
       [(n)<-[:WORKS_AT]-(o:Contact) | o {.*, ownedLabel: 'Contact'}] AS owned,
       [] AS partnerIds
