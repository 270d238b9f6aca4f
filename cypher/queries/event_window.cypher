// The replay window: the oldest change still retained for replay (recorded at
// or after $cutoff) and the newest sequence. Older entries stay for audit.
OPTIONAL MATCH (s:Sequence {name: 'change'})
OPTIONAL MATCH (ch:Change)
WHERE ch.at >= $cutoff
RETURN coalesce(s.value, 0) AS head, min(ch.seq) AS oldest
