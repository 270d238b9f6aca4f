// Records of a dataset about to be seeded whose latest change was made by
// someone other than the seed (a user's edit, or deletion, since loading):
// seeding would revert it. $ids: entity ids (relationships: "from->to").
// The (:Change) entityId index finds each record's entries.
UNWIND $ids AS entityId
MATCH (c:Change {entityId: entityId})
WITH entityId, c ORDER BY c.seq DESC
WITH entityId, collect(c)[0] AS last
WHERE last.actor <> $seedActor
RETURN last.entityType AS type, entityId AS id, last.actor AS actor,
       last.operation AS operation
ORDER BY id
