"""Channel reads: the product catalogue, orders, stock levels, warranty claims."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry

from graph_api.channel import statements as q
from graph_api.channel.types import Order, Product, StockLevel, WarrantyClaim
from graph_api.intelligence.common import check_id
from graph_api.pagination import Connection
from graph_api.reading import After, First, GqlInfo, load_node, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import ClaimStatus, OrderStatus

PartnerFilter = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only this partner's.")
]
ProductFilter = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only for this product.")
]


def _id(value: strawberry.ID | None, argument: str) -> str | None:
    return None if value is None else check_id(value, argument)


@strawberry.type
class ChannelQuery:
    @strawberry.field(description="One product by id, or null when it does not exist.")
    async def product(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The product's id.")],
    ) -> Product | None:
        return await load_node(info.context, q.PRODUCT_BY_IDS, id, Product.from_record)

    @strawberry.field(description="The product catalogue, by sku.")
    async def products(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        family: Annotated[
            str | None, strawberry.argument(description="Only this product family.")
        ] = None,
    ) -> Connection[Product]:
        return await top_page(
            info.context,
            q.PRODUCT_PAGE,
            first,
            after,
            Product.from_record,
            list_selection(info),
            family=family,
        )

    @strawberry.field(description="One order by id, or null when it does not exist or is hidden.")
    async def order(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The order's id.")],
    ) -> Order | None:
        return await load_node(info.context, q.ORDER_BY_IDS, id, Order.from_record)

    @strawberry.field(description="Orders of partners you may see, newest first.")
    async def orders(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        partner_id: PartnerFilter = None,
        status: Annotated[
            OrderStatus | None, strawberry.argument(description="Only orders in this state.")
        ] = None,
        from_: Annotated[
            dt.date | None,
            strawberry.argument(name="from", description="Placed on or after this day."),
        ] = None,
        to: Annotated[
            dt.date | None, strawberry.argument(description="Placed on or before this day.")
        ] = None,
    ) -> Connection[Order]:
        period: dict[str, Any] = {"from": from_, "to": to}  # `from` is a Python keyword
        return await top_page(
            info.context,
            q.ORDER_PAGE,
            first,
            after,
            Order.from_record,
            list_selection(info),
            partnerId=_id(partner_id, "partnerId"),
            status=enum_value(status),
            **period,
        )

    @strawberry.field(description="Stock levels of partners you may see, by partner and sku.")
    async def stock_levels(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        partner_id: PartnerFilter = None,
        product_id: ProductFilter = None,
        below_reorder_point: Annotated[
            bool, strawberry.argument(description="Only levels below their reorder point.")
        ] = False,
    ) -> Connection[StockLevel]:
        return await top_page(
            info.context,
            q.STOCK_LEVEL_PAGE,
            first,
            after,
            StockLevel.from_record,
            list_selection(info),
            partnerId=_id(partner_id, "partnerId"),
            productId=_id(product_id, "productId"),
            belowReorderPoint=below_reorder_point,
        )

    @strawberry.field(description="One warranty claim by id, or null when missing or hidden.")
    async def warranty_claim(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The claim's id.")],
    ) -> WarrantyClaim | None:
        return await load_node(info.context, q.WARRANTY_CLAIM_BY_IDS, id, WarrantyClaim.from_record)

    @strawberry.field(description="Warranty claims filed by partners you may see, newest first.")
    async def warranty_claims(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        partner_id: PartnerFilter = None,
        product_id: ProductFilter = None,
        status: Annotated[
            ClaimStatus | None, strawberry.argument(description="Only claims in this state.")
        ] = None,
    ) -> Connection[WarrantyClaim]:
        return await top_page(
            info.context,
            q.WARRANTY_CLAIM_PAGE,
            first,
            after,
            WarrantyClaim.from_record,
            list_selection(info),
            partnerId=_id(partner_id, "partnerId"),
            productId=_id(product_id, "productId"),
            status=enum_value(status),
        )
