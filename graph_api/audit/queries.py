"""``changes``: the append-only change log, newest first, within the caller's scope.

Entries are shown as subscription events and webhook payloads show them
(graph_api/events/redaction.py): a partner sees only the partners in its scope
and the writer's role, not its subject."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast

import strawberry
from strawberry.scalars import JSON

from graph_api.cypher import named
from graph_api.events.model import Event
from graph_api.events.redaction import redact
from graph_api.pagination import Connection
from graph_api.reading import After, GqlInfo, top_page

CHANGE_PAGE = named("queries/change_page")


@strawberry.type(description="One entry of the append-only change log.")
class Change:
    id: strawberry.ID = strawberry.field(description="Stable id of the entry.")
    seq: int = strawberry.field(description="Position in the log; later writes have larger.")
    at: datetime | None = strawberry.field(description="When the write committed.")
    actor: str = strawberry.field(
        description="Who made the write: the principal's subject; for partner callers its "
        "role (admin, partner or system)."
    )
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
        description="Partners whose data the change touches (who may see it); partner "
        "callers see only those in their scope."
    )

    @classmethod
    def from_event(cls, event: Event) -> Change:
        return cls(
            id=strawberry.ID(event.id),
            seq=event.seq,
            at=event.at,
            actor=event.actor,
            entity_type=event.entity_type,
            entity_id=strawberry.ID(event.entity_id),
            operation=event.operation,
            before=cast(Any, event.before),  # plain JSON objects
            after=cast(Any, event.after),
            changed_fields=list(event.changed_fields),
            partner_ids=[strawberry.ID(p) for p in event.partner_ids],
        )


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
        ctx = info.context

        def shown(row: dict[str, Any]) -> Change:
            return Change.from_event(redact(Event.from_record(row), ctx.scope))

        return await top_page(ctx, CHANGE_PAGE, first, after, shown, entityId=entity_id)
