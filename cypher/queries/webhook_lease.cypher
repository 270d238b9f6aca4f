// Take or renew the lease that lets one API instance run webhook delivery.
// The first SET takes the node's write lock, so the holder is read after any
// competing transaction committed. Times are epoch milliseconds.
MERGE (l:Lease {name: $name})
ON CREATE SET l.until = 0
SET l.probe = $owner
WITH l, (l.owner IS NULL OR l.owner = $owner OR l.until < $now) AS free
SET l.owner = CASE WHEN free THEN $owner ELSE l.owner END,
    l.until = CASE WHEN free THEN $until ELSE l.until END
RETURN l.owner = $owner AS held
