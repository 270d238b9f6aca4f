"""``changes``: the append-only change log, newest first, within the caller's scope."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from graph_api.cypher import named
from graph_api.pagination import Connection
from graph_api.resolving import After, GqlInfo, as_datetime, top_page

CHANGE_PAGE = named("queries/change_page")


@strawberry.type(description="One entry of the append-only change log.")
class Change:
    id: strawberry.ID = strawberry.field(description="Stable id of the entry.")
    seq: int = strawberry.field(description="Position in the log; later writes have larger.")
    at: datetime | None = strawberry.field(description="When the write committed.")
    actor: str = strawberry.field(description="Who made the write (the principal).")
    entity_type: str = strawberry.field(
        description="Label of the node, or type of the relationship, that changed."
    )
    entity_id: strawberry.ID = strawberry.field(
        description="Id of the entity (for relationships, the ids of both ends)."
    )
    operation: str = strawberry.field(description="create, update, delete, link or unlink.")
    before: JSON | None = strawberry.field(description="Properties before; null on create.")
    after: JSON | None = strawberry.field(description="Properties after; null on delete.")
    changed_fields: list[str] = strawberry.field(description="Names of the properties changed.")
    partner_ids: list[strawberry.ID] = strawberry.field(
        description="Partners whose data the change touches (who may see it)."
    )

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Change:
        return cls(
            id=strawberry.ID(row["id"]),
            seq=int(row["seq"]),
            at=as_datetime(row.get("at")),
            actor=row.get("actor") or "",
            entity_type=row.get("entityType") or "",
            entity_id=strawberry.ID(row.get("entityId") or ""),
            operation=row.get("operation") or "",
            before=_parse(row.get("before")),
            after=_parse(row.get("after")),
            changed_fields=list(row.get("changedFields") or []),
            partner_ids=[strawberry.ID(p) for p in row.get("partnerIds") or []],
        )


def _parse(raw: Any) -> Any:
    return None if raw is None else json.loads(raw)


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The change log, newest first: every committed write with who, when, "
        "the operation and the fields before and after. Partners see only changes to their "
        "own data."
    )
    async def changes(
        self,
        info: GqlInfo,
        entity_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only changes to this entity (null = all)."),
        ] = None,
        first: Annotated[
            int, strawberry.argument(description="Page size: how many entries (0 to 100).")
        ] = 20,
        after: After = None,
    ) -> Connection[Change]:
        return await top_page(
            info.context, CHANGE_PAGE, first, after, Change.from_record, entityId=entity_id
        )
