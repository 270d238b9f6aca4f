// Forget delivered webhook deliveries older than $cutoff (the event retention),
// a bounded number per call. Dead letters stay until replayed or the endpoint goes.
MATCH (d:Delivery)
WHERE d.status = 'delivered' AND d.deliveredAt < $cutoff
WITH d LIMIT $limit
DETACH DELETE d
RETURN count(*) AS pruned
