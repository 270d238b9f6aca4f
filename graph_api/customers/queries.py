from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.customers import statements as q
from graph_api.customers.types import Customer
from graph_api.pagination import Connection
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import CustomerSize, Region


@strawberry.enum(description="Fields customers can be sorted on; ties break on id.")
class CustomerSort(Enum):
    NAME = strawberry.enum_value("name", description="By name.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")
    SIZE = strawberry.enum_value("size", description="By account size.")


@strawberry.type
class CustomerQuery:
    @strawberry.field(
        description="One customer by id, or null when it does not exist or is out of scope."
    )
    async def customer(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The customer's id.")],
    ) -> Customer | None:
        row = await load_one(info.context, q.CUSTOMER_BY_IDS, id)
        return Customer.from_record(row) if row else None

    @strawberry.field(
        description="Customers you may see (served by, or with deals of, your partners), "
        "filtered and sorted."
    )
    async def customers(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        region: Annotated[Region | None, strawberry.argument(description="Only this region.")] = (
            None
        ),
        industry: Annotated[
            str | None, strawberry.argument(description="Only this industry (any case).")
        ] = None,
        size: Annotated[
            CustomerSize | None, strawberry.argument(description="Only accounts of this size.")
        ] = None,
        name_contains: Annotated[
            str | None,
            strawberry.argument(description="Only names containing this text (any case)."),
        ] = None,
        sort: Annotated[
            CustomerSort, strawberry.argument(description="Field to sort on.")
        ] = CustomerSort.NAME,
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Customer]:
        return await top_page(
            info.context,
            q.customer_page_query(info.context.scope),
            first,
            after,
            Customer.from_record,
            list_selection(info),
            region=enum_value(region),
            industry=industry,
            size=enum_value(size),
            nameContains=name_contains,
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )
