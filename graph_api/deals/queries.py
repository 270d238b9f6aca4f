from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import strawberry

from graph_api.deals import statements as q
from graph_api.deals.types import Deal
from graph_api.errors import InvalidArgument
from graph_api.pagination import Connection
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import DealStage


@strawberry.enum(description="Fields deals can be sorted on; ties break on id.")
class DealSort(Enum):
    NAME = strawberry.enum_value("name", description="By name.")
    AMOUNT = strawberry.enum_value("amount", description="By amount.")
    CLOSE_DATE = strawberry.enum_value("closeDate", description="By close date.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")


@strawberry.type
class DealQuery:
    @strawberry.field(description="One deal by id, or null when it does not exist or is hidden.")
    async def deal(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The deal's id.")],
    ) -> Deal | None:
        row = await load_one(info.context, q.DEAL_BY_IDS, id)
        return Deal.from_record(row) if row else None

    @strawberry.field(
        description="Deals credited to or registered by partnerships you may see, "
        "filtered and sorted."
    )
    async def deals(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        stage: Annotated[
            DealStage | None, strawberry.argument(description="Only deals in this stage.")
        ] = None,
        min_amount: Annotated[
            float | None, strawberry.argument(description="Only deals worth at least this.")
        ] = None,
        max_amount: Annotated[
            float | None, strawberry.argument(description="Only deals worth at most this.")
        ] = None,
        close_from: Annotated[
            date | None, strawberry.argument(description="Only deals closing on or after this.")
        ] = None,
        close_to: Annotated[
            date | None, strawberry.argument(description="Only deals closing on or before this.")
        ] = None,
        customer_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this customer's deals.")
        ] = None,
        partner_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only deals credited to or registered by this partner."
            ),
        ] = None,
        sort: Annotated[DealSort, strawberry.argument(description="Field to sort on.")] = (
            DealSort.NAME
        ),
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Deal]:
        if min_amount is not None and max_amount is not None and min_amount > max_amount:
            raise InvalidArgument("`minAmount` is above `maxAmount`", argument="minAmount")
        if close_from is not None and close_to is not None and close_from > close_to:
            raise InvalidArgument("`closeFrom` is after `closeTo`", argument="closeFrom")
        ctx = info.context
        return await top_page(
            ctx,
            q.deal_page_query(ctx.scope, enum_value(stage), partner_id),
            first,
            after,
            Deal.from_record,
            list_selection(info),
            q.DEAL_DERIVED,
            q.DEAL_CONVERTED,
            stage=enum_value(stage),
            minAmount=min_amount,
            maxAmount=max_amount,
            closeFrom=close_from,
            closeTo=close_to,
            customerId=customer_id,
            partnerId=partner_id,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )
