// Create or update Partners; props holds only the changed properties.
// $rows: [{id, props, <reference>: new id or null when unchanged}]
UNWIND $rows AS row
MERGE (n:Partner {id: row.id})
SET n += row.props
RETURN count(n) AS written
