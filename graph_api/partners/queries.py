from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.pagination import Connection, build_connection, page_args
from graph_api.partners.types import Partner

PARTNER_BY_IDS = named("queries/partner_by_ids")
PARTNERS_PAGE = named("queries/partners_page")


@strawberry.type
class PartnerQuery:
    @strawberry.field(description="One partner by id, or null when it does not exist.")
    async def partner(self, info: Info[RequestContext, None], id: strawberry.ID) -> Partner | None:
        ctx = info.context
        row = await ctx.store.read_one(PARTNER_BY_IDS, ids=[str(id)], scope=ctx.scope)
        return Partner.from_record(row["partner"]) if row else None

    @strawberry.field(description="Partners, sorted by name, filtered by the given fields.")
    async def partners(
        self,
        info: Info[RequestContext, None],
        first: int = 20,
        after: str | None = None,
        kind: str | None = None,
        tier: str | None = None,
        region: str | None = None,
        name_contains: str | None = None,
    ) -> Connection[Partner]:
        page = page_args(first, after)
        ctx = info.context
        row = await ctx.store.read_one(
            PARTNERS_PAGE,
            scope=ctx.scope,
            kind=kind,
            tier=tier,
            region=region,
            nameContains=name_contains,
            skip=page.skip,
            limit=page.limit,
        )
        assert row is not None
        return build_connection(row["partners"], row["total"], page, Partner.from_record)
