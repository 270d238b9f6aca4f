"""A change event: one committed entry of the change log, as subscribers and
webhook receivers see it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph_api.values import as_datetime

# A RESELLS_FOR entry's id names the reseller and its distributor (``pr1->pd``). A caller
# sees it only when the distributor is in its scope: the distributor and those above it
# see the link in their queries, the reseller does not see who is above it.
# change_page.cypher and event_after.cypher hold the same rule.
RESELLER_LINK = "RESELLS_FOR"


@dataclass(frozen=True)
class Event:
    id: str
    seq: int
    at: datetime
    actor: str
    entity_type: str
    entity_id: str
    operation: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    changed_fields: tuple[str, ...] = ()
    partner_ids: tuple[str, ...] = field(default=())
    actor_role: str | None = None  # admin, analyst, partner or system; None before it was kept

    @property
    def event_type(self) -> str:
        """``Deal.update``: what webhook endpoints and filters select on."""
        return f"{self.entity_type}.{self.operation}"

    def concerns(self, scope: list[str] | None) -> bool:
        """Whether a caller with this partner scope (None = unrestricted) may see it."""
        if scope is None:
            return True
        if self.entity_type == RESELLER_LINK:
            return self.entity_id.split("->")[-1] in scope
        return any(p in scope for p in self.partner_ids)

    def matches_types(self, types: list[str] | None) -> bool:
        """Empty/None selects everything; ``Deal`` selects every Deal operation."""
        return not types or self.entity_type in types or self.event_type in types

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Event:
        """From a ``(:Change)`` node's properties (``ch {.*}``)."""
        return cls(
            id=str(row["id"]),
            seq=int(row["seq"]),
            at=as_datetime(row.get("at")) or datetime.now(UTC),
            actor=str(row.get("actor") or ""),
            entity_type=str(row.get("entityType") or ""),
            entity_id=str(row.get("entityId") or ""),
            operation=str(row.get("operation") or ""),
            before=_parse(row.get("before")),
            after=_parse(row.get("after")),
            changed_fields=tuple(row.get("changedFields") or ()),
            partner_ids=tuple(row.get("partnerIds") or ()),
            actor_role=row.get("actorRole"),
        )

    def field_changes(self) -> list[tuple[str, Any, Any]]:
        before = self.before or {}
        after = self.after or {}
        return [(name, before.get(name), after.get(name)) for name in self.changed_fields]

    def payload(self) -> dict[str, Any]:
        """The JSON document POSTed to webhook receivers."""
        return {
            "id": self.id,
            "sequence": self.seq,
            "time": self.at.isoformat(),
            "actor": self.actor,
            "eventType": self.event_type,
            "entityType": self.entity_type,
            "entityId": self.entity_id,
            "operation": self.operation,
            "changes": [
                {"field": name, "before": old, "after": new}
                for name, old, new in self.field_changes()
            ],
            "before": self.before,
            "after": self.after,
            "partnerIds": list(self.partner_ids),
        }


def _parse(raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    value = json.loads(raw) if isinstance(raw, str) else raw
    return value if isinstance(value, dict) else {"value": value}
