// Record one applied migration file.
MERGE (m:Migration {id: $id})
ON CREATE SET m.appliedAt = datetime()
SET m.checksum = $checksum
