// The newest sequence number handed out (0 for an empty log), and the id of
// the entry at sequence $at, by which a reader notices that the log it was
// tailing was replaced (restored from a backup, or emptied in a test).
OPTIONAL MATCH (s:Sequence {name: 'change'})
OPTIONAL MATCH (ch:Change {seq: $at})
RETURN coalesce(s.value, 0) AS head, ch.id AS idAt
