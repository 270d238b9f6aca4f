"""Webhook endpoints and their deliveries as GraphQL types, and the mutation results."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry

from graph_api import authz
from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.pagination import Connection
from graph_api.reading import After, First, GqlInfo, nested
from graph_api.values import as_datetime
from graph_api.webhooks.statements import DELIVERIES


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
        return await nested(
            info,
            DELIVERIES,
            str(self.id),
            first,
            after,
            WebhookDelivery.from_record,
            owners=authz.webhook_owners(info.context.principal),
            statuses=sorted(s.value for s in status or []),
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
