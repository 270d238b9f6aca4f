// Migrations already applied, with the checksum of the file at the time.
MATCH (m:Migration)
RETURN m.id AS id, m.checksum AS checksum
ORDER BY m.id
