"""GraphQL subscriptions over ``graphql-transport-ws``: ``graphChanged`` and ``dealUpdated``.

A subscription first joins the broker (so nothing committed from then on is
missed), then, when ``afterSequence`` is given, replays the retained log after
it, then streams live events, skipping any it already replayed. Partner
callers only ever see events whose ``partnerIds`` meet their scope, redacted
as the ``changes`` query shows them (graph_api/events/redaction.py).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, cast

import strawberry
from strawberry.scalars import JSON

from graph_api import authz
from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import ClientError, InvalidArgument
from graph_api.events.broker import read_window
from graph_api.events.hub import hub_for
from graph_api.events.model import Event
from graph_api.events.redaction import redact
from graph_api.reading import GqlInfo
from graph_api.scope import partner_and_below, resolve_scope

EVENT_WINDOW = named("queries/event_window")
REPLAY_PAGE = 500
DEAL_RELATIONSHIPS = ("ATTRIBUTED", "REGISTERED")
HIERARCHY = "RESELLS_FOR"  # its changes change a distributor's scope


class ReplayUnavailable(ClientError):
    """``afterSequence`` points before the retained replay window."""

    code = "REPLAY_UNAVAILABLE"


@strawberry.type(description="One changed property of a change event.")
class FieldChange:
    field: str = strawberry.field(description="Property name.")
    before: JSON | None = strawberry.field(description="Value before; null when it was unset.")
    after: JSON | None = strawberry.field(description="Value after; null when it is now unset.")


@strawberry.type(
    description="A committed write: one node or relationship created, updated or removed."
)
class ChangeEvent:
    id: strawberry.ID = strawberry.field(description="Unique id of the event.")
    sequence: int = strawberry.field(
        description="Position in the change log; strictly increasing in commit order. Pass the "
        "last one received as `afterSequence` when reconnecting."
    )
    time: datetime = strawberry.field(description="When the write committed (UTC).")
    actor: str = strawberry.field(
        description="Who made the write: the principal's subject; for partner callers its "
        "role (admin, partner or system)."
    )
    entity_type: str = strawberry.field(
        description="Node label (`Deal`) or relationship type (`ATTRIBUTED`) that changed."
    )
    entity_id: strawberry.ID = strawberry.field(
        description="Id of the node; for a relationship `<from id>-><to id>`."
    )
    operation: str = strawberry.field(description="create, update, delete, link or unlink.")
    event_type: str = strawberry.field(
        description="`<entityType>.<operation>`, as webhook endpoints select it."
    )
    changes: list[FieldChange] = strawberry.field(
        description="Each changed property with its value before and after."
    )
    before: JSON | None = strawberry.field(description="Changed properties before; null on create.")
    after: JSON | None = strawberry.field(description="Changed properties after; null on delete.")
    partner_ids: list[strawberry.ID] = strawberry.field(
        description="Partners the change concerns; partner callers see only those in their scope."
    )

    @classmethod
    def from_event(cls, event: Event) -> ChangeEvent:
        return cls(
            id=strawberry.ID(event.id),
            sequence=event.seq,
            time=event.at,
            actor=event.actor,
            entity_type=event.entity_type,
            entity_id=strawberry.ID(event.entity_id),
            operation=event.operation,
            event_type=event.event_type,
            changes=[
                FieldChange(field=name, before=old, after=new)
                for name, old, new in event.field_changes()
            ],
            before=cast(Any, event.before),  # plain JSON objects
            after=cast(Any, event.after),
            partner_ids=[strawberry.ID(p) for p in event.partner_ids],
        )


def visible(scope: list[str] | None, partners: list[str] | None) -> Callable[[Event], bool]:
    """The authorization and ``partnerId`` filter every subscription applies."""

    def check(event: Event) -> bool:
        return authz.sees_event(scope, event) and event.concerns(partners)

    return check


async def partner_argument(ctx: RequestContext, partner_id: str | None) -> list[str] | None:
    """The partners ``partnerId`` selects: that partner and, as in a partner token's
    scope, every partner below it (a distributor's resellers); None when not given."""
    if partner_id is None:
        return None
    authz.check_partner_filter(ctx.scope, partner_id)
    return await partner_and_below(ctx.store, partner_id)


async def check_replay(ctx: RequestContext, after_sequence: int) -> int:
    """Raise ReplayUnavailable when events after ``after_sequence`` are no longer retained;
    returns the newest sequence (the end of the replay)."""
    if after_sequence < 0:
        raise InvalidArgument("`afterSequence` must not be negative", argument="afterSequence")
    retention = hub_for(ctx).settings.event_retention
    cutoff = datetime.now(UTC) - timedelta(seconds=retention)
    row = await ctx.store.read_one(EVENT_WINDOW, cutoff=cutoff)
    head = int(row["head"]) if row else 0
    oldest = row["oldest"] if row else None
    first_retained = head + 1 if oldest is None else int(oldest)
    if after_sequence < first_retained - 1:
        resume = first_retained - 1
        raise ReplayUnavailable(
            f"events after sequence {after_sequence} are no longer retained for replay "
            f"(retention {retention:g}s); the oldest retained event is {first_retained}. "
            f"Reload current state, then resubscribe with afterSequence: {resume} "
            "or without afterSequence.",
            afterSequence=after_sequence,
            oldestRetainedSequence=first_retained,
            resumeAfterSequence=resume,
            latestSequence=head,
        )
    return head


async def stream(
    ctx: RequestContext,
    types: list[str],
    partner_id: strawberry.ID | None,
    also: Callable[[Event], bool],
    after_sequence: int | None,
) -> AsyncGenerator[ChangeEvent, None]:
    """Replay (optional) then live events, each at most once, in sequence order."""
    hub = hub_for(ctx)
    feed = hub.broker.subscribe()  # join first: nothing committed from now on is missed
    wanted = None if partner_id is None else str(partner_id)
    # The token's scope and partnerId's partners both follow the distribution hierarchy.
    follows_hierarchy = ctx.principal.is_partner or wanted is not None

    async def selection() -> Callable[[Event], bool]:
        partners = await partner_argument(ctx, wanted)
        return _both(visible(ctx.scope, partners), also)

    try:
        select = await selection()
        last = -1
        if after_sequence is not None:
            head = await check_replay(ctx, after_sequence)
            cursor = after_sequence
            while cursor < head:
                window = await read_window(
                    ctx.store, cursor, head, REPLAY_PAGE, types=types, scope=ctx.scope
                )
                for event in window:
                    if select(event):
                        yield ChangeEvent.from_event(redact(event, ctx.scope))
                cursor = min(cursor + REPLAY_PAGE, head)
            # Live events up to the head were just replayed (or filtered out).
            last = max(head, after_sequence)
        async for event in feed:
            if event.entity_type == HIERARCHY and follows_hierarchy:
                # A reseller joined or left: what this subscription selects changes now,
                # not on reconnect (later operations on this connection see it too).
                ctx.scope = await resolve_scope(ctx.store, ctx.principal)
                select = await selection()
            if event.seq <= last or not event.matches_types(types) or not select(event):
                continue
            yield ChangeEvent.from_event(redact(event, ctx.scope))
    finally:
        feed.close()


def _for_deal(deal_id: str | None) -> Callable[[Event], bool]:
    def check(event: Event) -> bool:
        if event.entity_type == "Deal":
            return deal_id is None or event.entity_id == deal_id
        if event.entity_type in DEAL_RELATIONSHIPS:
            return deal_id is None or event.entity_id.endswith(f"->{deal_id}")
        return False

    return check


def _both(a: Callable[[Event], bool], b: Callable[[Event], bool]) -> Callable[[Event], bool]:
    return lambda event: a(event) and b(event)


def _anything(event: Event) -> bool:
    return True


AfterSequence = Annotated[
    int | None,
    strawberry.argument(
        description="Replay retained events after this sequence number first (the last "
        "`sequence` received before a disconnect). Too old: error REPLAY_UNAVAILABLE, whose "
        "extensions say from which sequence to resume."
    ),
]
PartnerFilter = Annotated[
    strawberry.ID | None,
    strawberry.argument(
        description="Only events that concern this partner or, for a distributor, the "
        "partners below it (null = all visible)."
    ),
]


@strawberry.type
class EventSubscription:
    @strawberry.subscription(
        description="Every committed change visible to the caller, as it commits: node and "
        "relationship creates, updates and deletes. Partner tokens receive only changes that "
        "concern their partners."
    )
    async def graph_changed(
        self,
        info: GqlInfo,
        entity_types: Annotated[
            list[str] | None,
            strawberry.argument(
                description="Only these entity types (`Deal`, `ATTRIBUTED`) or event types "
                "(`Deal.update`); null or empty = all."
            ),
        ] = None,
        partner_id: PartnerFilter = None,
        after_sequence: AfterSequence = None,
    ) -> AsyncGenerator[ChangeEvent, None]:
        types = list(entity_types or [])
        async for event in stream(info.context, types, partner_id, _anything, after_sequence):
            yield event

    @strawberry.subscription(
        description="Changes to deals: the deal itself and its attributions and registrations."
    )
    async def deal_updated(
        self,
        info: GqlInfo,
        deal_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only this deal (null = every visible deal)."),
        ] = None,
        partner_id: PartnerFilter = None,
        after_sequence: AfterSequence = None,
    ) -> AsyncGenerator[ChangeEvent, None]:
        types = ["Deal", *DEAL_RELATIONSHIPS]
        deal = _for_deal(None if deal_id is None else str(deal_id))
        async for event in stream(info.context, types, partner_id, deal, after_sequence):
            yield event
