// Generated from graph_api/ingest/spec.py by `graph-api generate-cypher`;
// edit the spec and regenerate rather than this file.
// Create or update RUNS edges; props holds only the changed properties.
// $rows: [{partnershipId, campaignId, props}]
UNWIND $rows AS row
MATCH (a:Partnership {id: row.partnershipId})
MATCH (b:Campaign {id: row.campaignId})
MERGE (a)-[r:RUNS]->(b)
SET r += row.props
RETURN count(r) AS written
