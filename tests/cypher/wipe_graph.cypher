// Test isolation: remove every node except the migration records, so each
// test starts from an empty, migrated graph. Never used by the app.
MATCH (n)
WHERE NOT n:Migration
DETACH DELETE n
