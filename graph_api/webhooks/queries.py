"""Webhook endpoints the caller manages, with their deliveries."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api import authz
from graph_api.pagination import Connection
from graph_api.reading import After, First, GqlInfo, ids_loader, top_page
from graph_api.selection import list_selection
from graph_api.webhooks.statements import ENDPOINT_BY_IDS, ENDPOINT_PAGE
from graph_api.webhooks.types import WebhookEndpoint


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
        owners = authz.webhook_owners(ctx.principal)
        return await top_page(
            ctx,
            ENDPOINT_PAGE,
            first,
            after,
            WebhookEndpoint.from_record,
            selection=list_selection(info),
            owners=owners,
        )

    @strawberry.field(description="One webhook endpoint by id; null when not found.")
    async def webhook_endpoint(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="Endpoint id.")],
    ) -> WebhookEndpoint | None:
        ctx = info.context
        load = ids_loader(ctx, ENDPOINT_BY_IDS, {"owners": authz.webhook_owners(ctx.principal)})
        row = await ctx.loader(ENDPOINT_BY_IDS.name, load).load(str(id))
        return None if row is None else WebhookEndpoint.from_record(row)
