"""Webhook endpoints in GraphQL: register, change, delete, replay; list with deliveries.

Admins manage every endpoint and receive every event. A partner manages only
the endpoints it registered itself (a distributor does not manage those of the
partners below it, whose secrets and URLs are theirs); they receive only events
within its scope (its partners, hierarchy included, as the hierarchy stands
when each event is sent).
"""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import (
    Conflict,
    ConflictError,
    EntityNotFound,
    Forbidden,
    InputInvalid,
    NotFoundError,
    ValidationError,
)
from graph_api.events.webhooks import generate_secret, url_problem
from graph_api.pagination import Connection, build_connection, page_args
from graph_api.reading import After, First, GqlInfo, ids_loader
from graph_api.values import as_datetime

CREATE = named("queries/webhook_endpoint_create")
UPDATE = named("queries/webhook_endpoint_update")
DELETE = named("queries/webhook_endpoint_delete")
PAGE = named("queries/webhook_endpoint_page")
BY_IDS = named("queries/webhook_endpoint_by_ids")
DELIVERIES = named("queries/webhook_deliveries")
REPLAY_DEAD = named("queries/webhook_replay_dead")
DELIVERY_ENDPOINT = named("queries/webhook_delivery_endpoint")

EVENT_TYPE = re.compile(r"^[A-Za-z][A-Za-z_]*(\.(create|update|delete|link|unlink))?$")
MIN_SECRET = 16


@strawberry.enum(description="Where one event stands with one endpoint.")
class DeliveryStatus(Enum):
    DELIVERED = "delivered"
    RETRYING = "retrying"
    REPLAY = "replay"
    DEAD = "dead"


@strawberry.type(description="One event sent (or being sent) to one webhook endpoint.")
class WebhookDelivery:
    id: strawberry.ID = strawberry.field(description="`<endpoint id>:<sequence>`.")
    sequence: int = strawberry.field(description="Sequence number of the event.")
    event_id: strawberry.ID = strawberry.field(description="Id of the change event.")
    event_type: str = strawberry.field(description="`<entityType>.<operation>` of the event.")
    status: DeliveryStatus = strawberry.field(
        description="DELIVERED; RETRYING (waiting for the next attempt); REPLAY (queued "
        "again after a dead letter); DEAD (gave up; see replayDeadLetters, replayDelivery)."
    )
    attempts: int = strawberry.field(description="POST attempts so far.")
    http_status: int | None = strawberry.field(
        description="HTTP status of the last attempt; null when no response arrived."
    )
    last_error: str | None = strawberry.field(description="Why the last attempt failed.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When the next attempt is due (RETRYING or REPLAY)."
    )
    delivered_at: datetime | None = strawberry.field(description="When a receiver accepted it.")
    created_at: datetime | None = strawberry.field(description="When the first attempt ended.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> WebhookDelivery:
        return cls(
            id=strawberry.ID(row["id"]),
            sequence=int(row["seq"]),
            event_id=strawberry.ID(row.get("changeId") or ""),
            event_type=row.get("eventType") or "",
            status=DeliveryStatus(row.get("status") or "retrying"),
            attempts=int(row.get("attempts") or 0),
            http_status=None if row.get("httpStatus") is None else int(row["httpStatus"]),
            last_error=row.get("lastError"),
            next_attempt_at=as_datetime(row.get("nextAttemptAt")),
            delivered_at=as_datetime(row.get("deliveredAt")),
            created_at=as_datetime(row.get("createdAt")),
        )


@strawberry.type(description="A receiver of signed change events over HTTP POST.")
class WebhookEndpoint:
    id: strawberry.ID = strawberry.field(description="Stable id of the endpoint.")
    url: str = strawberry.field(description="Where events are POSTed.")
    event_types: list[str] = strawberry.field(
        description="Selected entity types (`Deal`) or event types (`Deal.update`); "
        "empty = every event."
    )
    active: bool = strawberry.field(description="Inactive endpoints receive nothing.")
    description: str | None = strawberry.field(description="Free text for humans.")
    owner_partner_id: strawberry.ID | None = strawberry.field(
        description="The partner that registered it; null for an admin endpoint (all events)."
    )
    last_sequence: int = strawberry.field(
        description="Every event up to this sequence was delivered, dead-lettered or not selected."
    )
    last_success_at: datetime | None = strawberry.field(description="Last accepted delivery.")
    last_error: str | None = strawberry.field(description="Error of the last failed attempt.")
    last_error_at: datetime | None = strawberry.field(description="When it failed.")
    created_at: datetime | None = strawberry.field(description="When it was registered.")
    updated_at: datetime | None = strawberry.field(description="When it last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> WebhookEndpoint:
        return cls(
            id=strawberry.ID(row["id"]),
            url=row.get("url") or "",
            event_types=list(row.get("eventTypes") or []),
            active=bool(row.get("active")),
            description=row.get("description"),
            owner_partner_id=(
                None if row.get("ownerPartnerId") is None else strawberry.ID(row["ownerPartnerId"])
            ),
            last_sequence=int(row.get("cursor") or 0),
            last_success_at=as_datetime(row.get("lastSuccessAt")),
            last_error=row.get("lastError"),
            last_error_at=as_datetime(row.get("lastErrorAt")),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )

    @strawberry.field(description="Deliveries to this endpoint, newest event first.")
    async def deliveries(
        self,
        info: GqlInfo,
        status: Annotated[
            list[DeliveryStatus] | None,
            strawberry.argument(description="Only these statuses (null = all)."),
        ] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[WebhookDelivery]:
        ctx = info.context
        page = page_args(first, after)
        statuses = sorted(s.value for s in status or [])
        key = f"{DELIVERIES.name}:{page.skip}:{page.limit}:{','.join(statuses)}"

        async def load(ids: list[str]) -> list[dict[str, Any]]:
            rows = await ctx.store.read(
                DELIVERIES,
                ids=list(ids),
                owners=_owners(ctx),
                statuses=statuses,
                skip=page.skip,
                limit=page.limit,
            )
            found = {row["id"]: row for row in rows}
            return [found.get(i, {"items": [], "total": 0}) for i in ids]

        row: dict[str, Any] = await ctx.loader(key, load).load(str(self.id))
        return build_connection(
            row["items"] or [], int(row["total"] or 0), page, WebhookDelivery.from_record
        )


@strawberry.type(description="The endpoint was registered. The secret is shown only now.")
class WebhookEndpointRegistered:
    endpoint: WebhookEndpoint = strawberry.field(description="The new endpoint.")
    secret: str = strawberry.field(
        description="Signing secret: keep it; receivers verify X-Graph-Signature with it."
    )


@strawberry.type(description="The endpoint was changed.")
class WebhookEndpointUpdated:
    endpoint: WebhookEndpoint = strawberry.field(description="The endpoint after the change.")
    secret: str | None = strawberry.field(
        description="The new signing secret when it was rotated or set, else null."
    )


@strawberry.type(description="The endpoint and its delivery records were removed.")
class WebhookEndpointDeleted:
    id: strawberry.ID = strawberry.field(description="Id of the removed endpoint.")


@strawberry.type(description="Dead-lettered deliveries were queued for new attempts.")
class DeliveriesReplayed:
    endpoint: WebhookEndpoint = strawberry.field(description="The endpoint they belong to.")
    count: int = strawberry.field(description="How many deliveries were queued.")


RegisterResult = Annotated[
    WebhookEndpointRegistered | ValidationError,
    strawberry.union("RegisterWebhookEndpointResult", description="The endpoint, or why not."),
]
UpdateResult = Annotated[
    WebhookEndpointUpdated | ValidationError | NotFoundError,
    strawberry.union("UpdateWebhookEndpointResult", description="The endpoint, or why not."),
]
DeleteResult = Annotated[
    WebhookEndpointDeleted | NotFoundError,
    strawberry.union("DeleteWebhookEndpointResult", description="The removed id, or why not."),
]
ReplayResult = Annotated[
    DeliveriesReplayed | NotFoundError | ConflictError,
    strawberry.union("ReplayDeliveriesResult", description="What was queued, or why not."),
]


@strawberry.input(description="A new webhook endpoint.")
class RegisterWebhookEndpointInput:
    url: str = strawberry.field(
        description="http(s) URL that receives POSTed events (at most 2048 characters, "
        "no whitespace or control characters)."
    )
    event_types: list[str] = strawberry.field(
        default_factory=list,
        description="Entity types (`Deal`, `ATTRIBUTED`) or event types (`Deal.update`); "
        "empty = every event the owner may see.",
    )
    secret: str | None = strawberry.field(
        default=None,
        description=f"Signing secret (at least {MIN_SECRET} characters); generated when omitted.",
    )
    active: bool = strawberry.field(default=True, description="Start delivering at once.")
    description: str | None = strawberry.field(default=None, description="Free text.")


@strawberry.input(description="Changes to a webhook endpoint; omitted fields stay as they are.")
class UpdateWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint to change.")
    url: str | None = strawberry.field(default=None, description="New URL.")
    event_types: list[str] | None = strawberry.field(default=None, description="New selection.")
    active: bool | None = strawberry.field(default=None, description="Pause or resume.")
    description: str | None = strawberry.field(default=None, description="New description.")
    rotate_secret: bool = strawberry.field(
        default=False, description="Generate a new signing secret (returned once)."
    )


@strawberry.input(description="Which webhook endpoint to remove.")
class DeleteWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint to remove.")


@strawberry.input(description="Queue every dead letter of one endpoint again.")
class ReplayDeadLettersInput:
    endpoint_id: strawberry.ID = strawberry.field(description="The endpoint.")


@strawberry.input(description="Queue one dead-lettered delivery again.")
class ReplayDeliveryInput:
    delivery_id: strawberry.ID = strawberry.field(description="The dead-lettered delivery.")


def _owners(ctx: RequestContext) -> list[str] | None:
    """Whose endpoints the caller manages: an admin's, all (None); a partner's, those it
    registered itself, not those of the partners below it (its read scope). Others none."""
    principal = ctx.principal
    if principal.is_partner:
        assert principal.partner_id is not None  # enforced when the token was verified
        return [principal.partner_id]
    if principal.can_write_everything:
        return None
    raise Forbidden("only admins and partners manage webhook endpoints")


async def _check(url: str | None, event_types: list[str] | None, info: GqlInfo) -> None:
    errors: list[tuple[list[str], str]] = []
    if url is not None:
        hub = info.context.events
        # In production this resolves the host: off the event loop.
        problem = (
            await asyncio.to_thread(url_problem, url, hub.settings)
            if hub
            else "change events are not running"
        )
        if problem:
            errors.append((["url"], problem))
    for index, value in enumerate(event_types or []):
        if not EVENT_TYPE.match(value):
            errors.append(
                (
                    ["eventTypes", str(index)],
                    f"{value!r} is not an entity type (Deal) or event type (Deal.update)",
                )
            )
    if errors:
        raise InputInvalid(errors)


def _nudge(info: GqlInfo) -> None:
    hub = info.context.events
    if hub is not None and hub.worker is not None:
        hub.worker.nudge()


@strawberry.type
class WebhookQuery:
    @strawberry.field(
        description="Webhook endpoints the caller manages (admins: all; partners: their own), "
        "with their deliveries, attempts and last errors."
    )
    async def webhook_endpoints(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[WebhookEndpoint]:
        ctx = info.context
        page = page_args(first, after)
        row = await ctx.store.read_one(PAGE, owners=_owners(ctx), skip=page.skip, limit=page.limit)
        items = row["items"] if row else []
        total = int(row["total"]) if row else 0
        return build_connection(items, total, page, WebhookEndpoint.from_record)

    @strawberry.field(description="One webhook endpoint by id; null when not found.")
    async def webhook_endpoint(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="Endpoint id.")],
    ) -> WebhookEndpoint | None:
        ctx = info.context
        load = ids_loader(ctx, BY_IDS, {"owners": _owners(ctx)})
        row = await ctx.loader(BY_IDS.name, load).load(str(id))
        return None if row is None else WebhookEndpoint.from_record(row)


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        description="Register a webhook endpoint. Events committed from now on are POSTed to "
        "it, signed with its secret, which is returned only in this answer."
    )
    async def register_webhook_endpoint(
        self,
        info: GqlInfo,
        input: Annotated[
            RegisterWebhookEndpointInput,
            strawberry.argument(description="The endpoint to register."),
        ],
    ) -> RegisterResult:
        ctx = info.context
        _owners(ctx)  # refuses analysts; a partner's endpoint follows its hierarchy
        try:
            await _check(input.url, input.event_types, info)
            if input.secret is not None and len(input.secret) < MIN_SECRET:
                raise InputInvalid([(["secret"], f"use at least {MIN_SECRET} characters")])
        except InputInvalid as exc:
            return exc.as_result()
        secret = input.secret or generate_secret()
        partner = ctx.principal.partner_id if ctx.principal.is_partner else None
        row = await ctx.store.write_query(
            CREATE,
            endpoint={
                "id": uuid.uuid4().hex,
                "url": input.url,
                "eventTypes": list(input.event_types),
                "secret": secret,
                "active": input.active,
                "description": input.description,
                "ownerSub": ctx.principal.sub,
                "ownerPartnerId": partner,
            },
        )
        _nudge(info)
        return WebhookEndpointRegistered(
            endpoint=WebhookEndpoint.from_record(row[0]["endpoint"]), secret=secret
        )

    @strawberry.mutation(description="Change, pause, resume or rotate the secret of an endpoint.")
    async def update_webhook_endpoint(
        self,
        info: GqlInfo,
        input: Annotated[
            UpdateWebhookEndpointInput,
            strawberry.argument(description="The endpoint and the fields to change."),
        ],
    ) -> UpdateResult:
        ctx = info.context
        owners = _owners(ctx)
        try:
            await _check(input.url, input.event_types, info)
        except InputInvalid as exc:
            return exc.as_result()
        secret = generate_secret() if input.rotate_secret else None
        rows = await ctx.store.write_query(
            UPDATE,
            id=str(input.id),
            owners=owners,
            url=input.url,
            eventTypes=input.event_types,
            active=input.active,
            description=input.description,
            secret=secret,
        )
        if not rows:
            return EntityNotFound("WebhookEndpoint", str(input.id)).as_result()
        _nudge(info)
        return WebhookEndpointUpdated(
            endpoint=WebhookEndpoint.from_record(rows[0]["endpoint"]), secret=secret
        )

    @strawberry.mutation(description="Remove an endpoint and its delivery records.")
    async def delete_webhook_endpoint(
        self,
        info: GqlInfo,
        input: Annotated[
            DeleteWebhookEndpointInput, strawberry.argument(description="Which endpoint to delete.")
        ],
    ) -> DeleteResult:
        ctx = info.context
        rows = await ctx.store.write_query(DELETE, id=str(input.id), owners=_owners(ctx))
        if not rows:
            return EntityNotFound("WebhookEndpoint", str(input.id)).as_result()
        _nudge(info)
        return WebhookEndpointDeleted(id=input.id)

    @strawberry.mutation(
        description="Queue every dead-lettered delivery of an endpoint for new attempts. "
        "They are sent before newer events."
    )
    async def replay_dead_letters(
        self,
        info: GqlInfo,
        input: Annotated[
            ReplayDeadLettersInput, strawberry.argument(description="Which dead letters to replay.")
        ],
    ) -> ReplayResult:
        return await _replay(info, str(input.endpoint_id), None)

    @strawberry.mutation(description="Queue one dead-lettered delivery for new attempts.")
    async def replay_delivery(
        self,
        info: GqlInfo,
        input: Annotated[
            ReplayDeliveryInput, strawberry.argument(description="Which delivery to replay.")
        ],
    ) -> ReplayResult:
        ctx = info.context
        delivery_id = str(input.delivery_id)
        found = await ctx.store.read_one(DELIVERY_ENDPOINT, id=delivery_id, owners=_owners(ctx))
        if found is None:
            return EntityNotFound("Delivery", delivery_id).as_result()
        if found["status"] != DeliveryStatus.DEAD.value:
            return Conflict(
                f"delivery {delivery_id!r} is {found['status']}, not dead; "
                "only dead letters are replayed"
            ).as_result()
        return await _replay(info, str(found["endpointId"]), delivery_id)


async def _replay(
    info: GqlInfo, endpoint_id: str, delivery_id: str | None
) -> DeliveriesReplayed | NotFoundError | ConflictError:
    ctx = info.context
    owners = _owners(ctx)
    rows = await ctx.store.write_query(
        REPLAY_DEAD, endpointId=endpoint_id, deliveryId=delivery_id, owners=owners
    )
    if not rows:
        return EntityNotFound("WebhookEndpoint", endpoint_id).as_result()
    _nudge(info)
    endpoint = await ctx.store.read_one(BY_IDS, ids=[endpoint_id], owners=owners)
    if endpoint is None:
        return EntityNotFound("WebhookEndpoint", endpoint_id).as_result()
    return DeliveriesReplayed(
        endpoint=WebhookEndpoint.from_record(endpoint["node"]), count=int(rows[0]["replayed"])
    )
