// deleteChallenge: remove a challenge and the record of who reached it.
MATCH (c:Challenge {id: $id})
DETACH DELETE c
RETURN count(*) AS deleted
