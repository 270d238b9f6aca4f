"""Deleting one node, with what it owns, after checking what would block it."""

from __future__ import annotations

from typing import Any

from graph_api.changes import DELETE, Change, record
from graph_api.errors import Conflict, EntityNotFound
from graph_api.ingest.spec import SPECS
from graph_api.ingest.statements import NODE_QUERIES
from graph_api.ingest.stored import plain_map
from graph_api.store import Tx


async def delete_node(
    tx: Tx, record_type: str, entity_id: str, actor: str, cascade: bool
) -> dict[str, Any]:
    queries = NODE_QUERIES[record_type]
    check = await tx.run_one(queries["delete_check"], id=entity_id)
    if check is None:
        raise EntityNotFound(record_type, entity_id)
    blocking = int(check["blocking"] or 0)
    if blocking and not cascade:
        raise Conflict(_conflict_message(record_type, entity_id, blocking))
    node = plain_map(check["node"])
    await tx.run(queries["delete"], id=entity_id)
    partner_ids = list(check["partnerIds"] or [])
    changes = [Change(record_type, entity_id, DELETE, node, None, partner_ids)]
    # Nodes the delete takes along (partnerships, goals, contacts) get entries of their own.
    owned = [plain_map(o) for o in check["owned"] or []]
    for before in sorted(owned, key=lambda o: (o["ownedLabel"], str(o["id"]))):
        owned_type = before.pop("ownedLabel")
        changes.append(Change(owned_type, before["id"], DELETE, before, None, partner_ids))
    await record(tx, actor, changes)
    return node


def _conflict_message(record_type: str, entity_id: str, blocking: int) -> str:
    what = SPECS[record_type].deletion.blocking
    return (
        f"{record_type} {entity_id!r} still has {blocking} {what}; "
        "delete with cascade to remove it anyway"
    )
