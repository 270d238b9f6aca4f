"""The append-only change log (audit trail and source of change events).

Every write calls :func:`record` inside its own transaction, so an entry exists
exactly when the write committed. The entries are written as the transaction's
last statement (see ``Tx.before_commit``). Entries are ``(:Change)`` nodes, readable in
Neo4j Browser and through GraphQL.

The log is also the transactional outbox of change events: subscriptions
stream it and the webhook worker delivers it (graph_api/events/). Entries
recorded in a transaction are handed to the in-process listeners right after
it commits, so live subscribers hear of a write without polling.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from graph_api.cypher import named
from graph_api.events.model import Event
from graph_api.store import Tx

RECORD = named("queries/change_record")

CREATE = "create"
UPDATE = "update"
DELETE = "delete"
LINK = "link"
UNLINK = "unlink"
OPERATIONS = (CREATE, UPDATE, DELETE, LINK, UNLINK)
SYSTEM = "system"  # the role of a write not made by a principal (a CLI import, the seed)


class Actor(str):
    """Who writes: the principal's subject (stored as ``actor``) with its role (stored as
    ``actorRole``), so that readers who may not see the subject, partners, see the role.

    A str, so it passes through the write path unchanged; a plain string actor (a CLI
    import's ``--actor NAME``) is recorded with the role ``system``.
    """

    role: str

    def __new__(cls, subject: str, role: str) -> Actor:
        actor = super().__new__(cls, subject)
        actor.role = role
        return actor


@dataclass
class Change:
    entity_type: str  # a label, or a relationship type for LINK/UNLINK
    entity_id: str
    operation: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    partner_ids: list[str] = field(default_factory=list)

    def changed_fields(self) -> list[str]:
        before = self.before or {}
        after = self.after or {}
        keys = set(before) | set(after)
        return sorted(k for k in keys if before.get(k) != after.get(k))

    @property
    def is_noop(self) -> bool:
        return self.operation == UPDATE and not self.changed_fields()


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, default=_plain, sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    iso = getattr(value, "iso_format", None)  # neo4j.time types
    if callable(iso):
        return iso()
    return str(value)


async def record(tx: Tx, actor: str, changes: list[Change]) -> None:
    """Append entries for the non-empty changes when ``tx`` is about to commit.

    All of a transaction's entries are numbered in one statement, its last, so
    the shared counter is held for as short a time as possible.
    """
    rows = [
        {
            "id": uuid.uuid4().hex,
            "actor": str(actor),
            "actorRole": actor.role if isinstance(actor, Actor) else SYSTEM,
            "entityType": c.entity_type,
            "entityId": c.entity_id,
            "operation": c.operation,
            "before": _json(c.before),
            "after": _json(c.after),
            "changedFields": c.changed_fields(),
            "partnerIds": sorted(set(c.partner_ids)),
        }
        for c in changes
        if not c.is_noop
    ]
    if rows:
        tx.before_commit(RECORD.name, _append).extend(rows)


async def _append(tx: Tx) -> None:
    rows = tx.pending[RECORD.name]
    result = await tx.run(RECORD, changes=rows)
    # Handed to the change-event brokers by Store.write once the transaction commits.
    tx.committed_events.extend(
        Event.from_record({**row, "seq": int(r["seq"]), "at": r["at"]})
        for row, r in zip(rows, result, strict=True)
    )
