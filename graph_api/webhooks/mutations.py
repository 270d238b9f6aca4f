"""Register, change, delete and replay webhook endpoints.

Which endpoints a caller manages is :func:`graph_api.authz.webhook_owners`; every
statement here gets it as ``$owners``, so an endpoint the caller does not manage
reads as not found.
"""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from graph_api import authz
from graph_api.config import Settings
from graph_api.errors import Conflict, ConflictError, EntityNotFound, InputInvalid, NotFoundError
from graph_api.reading import GqlInfo
from graph_api.webhooks.inputs import (
    DeleteWebhookEndpointInput,
    RegisterWebhookEndpointInput,
    ReplayDeadLettersInput,
    ReplayDeliveryInput,
    UpdateWebhookEndpointInput,
    check_endpoint,
    check_secret,
)
from graph_api.webhooks.signing import generate_secret
from graph_api.webhooks.statements import (
    DELIVERY_ENDPOINT,
    ENDPOINT_BY_IDS,
    ENDPOINT_CREATE,
    ENDPOINT_DELETE,
    ENDPOINT_UPDATE,
    REPLAY_DEAD,
)
from graph_api.webhooks.types import (
    DeleteResult,
    DeliveriesReplayed,
    DeliveryStatus,
    RegisterResult,
    ReplayResult,
    UpdateResult,
    WebhookEndpoint,
    WebhookEndpointDeleted,
    WebhookEndpointRegistered,
    WebhookEndpointUpdated,
)


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
        owner = authz.webhook_owner(ctx.principal)  # a partner's follows its hierarchy
        try:
            await check_endpoint(input.url, input.event_types, _settings(info))
            check_secret(input.secret)
        except InputInvalid as exc:
            return exc.as_result()
        secret = input.secret or generate_secret()
        row = await ctx.store.write_query(
            ENDPOINT_CREATE,
            endpoint={
                "id": uuid.uuid4().hex,
                "url": input.url,
                "eventTypes": list(input.event_types),
                "secret": secret,
                "active": input.active,
                "description": input.description,
                "ownerSub": ctx.principal.sub,
                "ownerPartnerId": owner,
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
        owners = authz.webhook_owners(ctx.principal)
        try:
            await check_endpoint(input.url, input.event_types, _settings(info))
        except InputInvalid as exc:
            return exc.as_result()
        secret = generate_secret() if input.rotate_secret else None
        rows = await ctx.store.write_query(
            ENDPOINT_UPDATE,
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
        owners = authz.webhook_owners(ctx.principal)
        rows = await ctx.store.write_query(ENDPOINT_DELETE, id=str(input.id), owners=owners)
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
        owners = authz.webhook_owners(ctx.principal)
        found = await ctx.store.read_one(DELIVERY_ENDPOINT, id=delivery_id, owners=owners)
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
    owners = authz.webhook_owners(ctx.principal)
    rows = await ctx.store.write_query(
        REPLAY_DEAD, endpointId=endpoint_id, deliveryId=delivery_id, owners=owners
    )
    if not rows:
        return EntityNotFound("WebhookEndpoint", endpoint_id).as_result()
    _nudge(info)
    endpoint = await ctx.store.read_one(ENDPOINT_BY_IDS, ids=[endpoint_id], owners=owners)
    if endpoint is None:
        return EntityNotFound("WebhookEndpoint", endpoint_id).as_result()
    return DeliveriesReplayed(
        endpoint=WebhookEndpoint.from_record(endpoint["node"]), count=int(rows[0]["replayed"])
    )


def _settings(info: GqlInfo) -> Settings | None:
    """The running app's settings, which decide what a webhook URL may be; None when
    change events are not running for this store."""
    hub = info.context.events
    return None if hub is None else hub.settings


def _nudge(info: GqlInfo) -> None:
    """Let the worker look at the endpoints now, not at its next poll."""
    hub = info.context.events
    if hub is not None and hub.worker is not None:
        hub.worker.nudge()
