// upsertChallenge / deleteChallenge: the challenge's stored properties (null: none).
OPTIONAL MATCH (c:Challenge {id: $id})
RETURN c {.*} AS before
