from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.pagination import Connection
from graph_api.partners import statements as q
from graph_api.partners.types import Partner
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import PartnerKind, PartnerTier, Region


@strawberry.enum(description="Fields partners can be sorted on; ties break on id.")
class PartnerSort(Enum):
    NAME = strawberry.enum_value("name", description="By name.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")
    REGION = strawberry.enum_value("region", description="By sales region.")


@strawberry.type
class PartnerQuery:
    @strawberry.field(
        description="One partner by id, or null when it does not exist or is outside your scope."
    )
    async def partner(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The partner's id.")],
    ) -> Partner | None:
        row = await load_one(info.context, q.PARTNER_BY_IDS, id)
        return Partner.from_record(row) if row else None

    @strawberry.field(description="Partners you may see, filtered and sorted.")
    async def partners(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        kind: Annotated[
            PartnerKind | None, strawberry.argument(description="Only partners of this kind.")
        ] = None,
        tier: Annotated[
            PartnerTier | None, strawberry.argument(description="Only partners in this tier.")
        ] = None,
        region: Annotated[
            Region | None, strawberry.argument(description="Only partners in this region.")
        ] = None,
        name_contains: Annotated[
            str | None,
            strawberry.argument(description="Only names containing this text (any case)."),
        ] = None,
        sort: Annotated[
            PartnerSort, strawberry.argument(description="Field to sort on.")
        ] = PartnerSort.NAME,
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Partner]:
        return await top_page(
            info.context,
            q.PARTNER_PAGE,
            first,
            after,
            Partner.from_record,
            list_selection(info),
            kind=enum_value(kind),
            tier=enum_value(tier),
            region=enum_value(region),
            nameContains=name_contains,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )
