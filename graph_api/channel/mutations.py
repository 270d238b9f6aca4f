"""Channel writes, through the shared write path: validated, idempotent, recorded in the
change log (and so in the change feed) like every other entity."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from graph_api.channel import statements as q
from graph_api.channel.types import Order, OrderLine, Product, StockLevel, WarrantyClaim
from graph_api.reading import GqlInfo
from graph_api.vocabulary import ClaimStatus, OrderStatus
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    UnlinkResult,
    WriteError,
    delete_record,
    input_data,
    payload,
    unlink_record,
    upsert_record,
    write_record,
)

_UNSET = strawberry.UNSET
_CREATE_OR_UPDATE = "Id to create or update; generated when omitted."
_SOURCE_SYSTEM = "System the record comes from."
_EXTERNAL_ID = "The record's id in sourceSystem."


@strawberry.input(
    description="A product to create or update; omitted fields keep their stored values. "
    "sku and name are required when creating."
)
class ProductInput:
    id: strawberry.ID | None = strawberry.field(default=_UNSET, description=_CREATE_OR_UPDATE)
    sku: str | None = strawberry.field(default=_UNSET, description="Stock keeping unit.")
    name: str | None = strawberry.field(default=_UNSET, description="Display name.")
    family: str | None = strawberry.field(default=_UNSET, description="Product family.")
    source_system: str | None = strawberry.field(default=_UNSET, description=_SOURCE_SYSTEM)
    external_id: str | None = strawberry.field(default=_UNSET, description=_EXTERNAL_ID)


@strawberry.input(
    description="An order to create or update (its lines are OrderLineInput). partnerId "
    "and orderedDate are required when creating."
)
class OrderInput:
    id: strawberry.ID | None = strawberry.field(default=_UNSET, description=_CREATE_OR_UPDATE)
    partner_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The partner ordering."
    )
    status: OrderStatus | None = strawberry.field(
        default=_UNSET, description="Where it stands; default PLACED."
    )
    ordered_date: date | None = strawberry.field(default=_UNSET, description="When placed.")
    delivered_date: date | None = strawberry.field(
        default=_UNSET, description="When delivered; not before orderedDate."
    )
    currency: str | None = strawberry.field(
        default=_UNSET, description="Three-letter code; default USD."
    )
    source_system: str | None = strawberry.field(default=_UNSET, description=_SOURCE_SYSTEM)
    external_id: str | None = strawberry.field(default=_UNSET, description=_EXTERNAL_ID)


@strawberry.input(description="One line of an order; again for the same pair updates it.")
class OrderLineInput:
    order_id: strawberry.ID = strawberry.field(description="The order.")
    product_id: strawberry.ID = strawberry.field(description="The product.")
    quantity: int = strawberry.field(description="Units; a whole number, not negative.")
    unit_price: float | None = strawberry.field(
        default=_UNSET, description="Price of one unit; not negative."
    )


@strawberry.input(description="An order line to remove.")
class RemoveOrderLineInput:
    order_id: strawberry.ID = strawberry.field(description="The order.")
    product_id: strawberry.ID = strawberry.field(description="The product.")


@strawberry.input(description="A partner's stock of a product; again for the pair updates it.")
class StockLevelInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner holding it.")
    product_id: strawberry.ID = strawberry.field(description="The product.")
    quantity: int = strawberry.field(description="Units in stock; not negative.")
    reorder_point: int | None = strawberry.field(
        default=_UNSET, description="Reorder below this quantity; not negative."
    )
    counted_at: datetime | None = strawberry.field(
        default=_UNSET, description="When counted; default now when the quantity changes."
    )


@strawberry.input(description="A stock level to remove.")
class RemoveStockLevelInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    product_id: strawberry.ID = strawberry.field(description="The product.")


@strawberry.input(
    description="A warranty claim to create or update. partnerId, productId and filedDate "
    "are required when creating."
)
class WarrantyClaimInput:
    id: strawberry.ID | None = strawberry.field(default=_UNSET, description=_CREATE_OR_UPDATE)
    partner_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The partner filing it."
    )
    product_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The product claimed for."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The customer where the product failed."
    )
    status: ClaimStatus | None = strawberry.field(
        default=_UNSET, description="Where it stands; default FILED."
    )
    amount: float | None = strawberry.field(
        default=_UNSET, description="Amount claimed; not negative."
    )
    currency: str | None = strawberry.field(
        default=_UNSET, description="Three-letter code; default USD."
    )
    filed_date: date | None = strawberry.field(default=_UNSET, description="When filed.")
    resolved_date: date | None = strawberry.field(
        default=_UNSET, description="When decided or paid; not before filedDate."
    )
    reason: str | None = strawberry.field(default=_UNSET, description="What failed.")
    source_system: str | None = strawberry.field(default=_UNSET, description=_SOURCE_SYSTEM)
    external_id: str | None = strawberry.field(default=_UNSET, description=_EXTERNAL_ID)


@strawberry.type(description="The product as stored after the write.")
class ProductPayload:
    product: Product = strawberry.field(description="The written product.")


@strawberry.type(description="The order as stored after the write, with its lines.")
class OrderPayload:
    order: Order = strawberry.field(description="The written order.")


@strawberry.type(description="The order line as stored after the write.")
class OrderLinePayload:
    line: OrderLine = strawberry.field(description="The written line.")


@strawberry.type(description="The stock level as stored after the write.")
class StockLevelPayload:
    stock_level: StockLevel = strawberry.field(description="The written stock level.")


@strawberry.type(description="The warranty claim as stored after the write.")
class WarrantyClaimPayload:
    warranty_claim: WarrantyClaim = strawberry.field(description="The written claim.")


ProductResult = Annotated[
    ProductPayload | WriteError,
    strawberry.union("ProductResult", description="The product, or why nothing changed."),
]
OrderResult = Annotated[
    OrderPayload | WriteError,
    strawberry.union("OrderResult", description="The order, or why nothing changed."),
]
OrderLineResult = Annotated[
    OrderLinePayload | WriteError,
    strawberry.union("OrderLineResult", description="The line, or why nothing changed."),
]
StockLevelResult = Annotated[
    StockLevelPayload | WriteError,
    strawberry.union("StockLevelResult", description="The stock level, or why nothing changed."),
]
WarrantyClaimResult = Annotated[
    WarrantyClaimPayload | WriteError,
    strawberry.union("WarrantyClaimResult", description="The claim, or why nothing changed."),
]


@strawberry.type
class ChannelMutation:
    @strawberry.mutation(description="Create a product or update one (idempotent).")
    async def upsert_product(
        self,
        info: GqlInfo,
        input: Annotated[ProductInput, strawberry.argument(description="The product's fields.")],
    ) -> ProductResult:
        return await upsert_record(
            info,
            "Product",
            input_data(input),
            q.PRODUCT_BY_IDS,
            payload(ProductPayload, product=Product.from_record),
        )

    @strawberry.mutation(
        description="Delete a product. Named by order lines, stock levels or claims, it "
        "answers ConflictError unless cascade (lines and stock go; claims stay)."
    )
    async def delete_product(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which product.")],
    ) -> DeleteResult:
        return await delete_record(info, "Product", input)

    @strawberry.mutation(description="Create an order or update one (idempotent).")
    async def upsert_order(
        self,
        info: GqlInfo,
        input: Annotated[OrderInput, strawberry.argument(description="The order's fields.")],
    ) -> OrderResult:
        return await upsert_record(
            info,
            "Order",
            input_data(input),
            q.ORDER_BY_IDS,
            payload(OrderPayload, order=Order.from_record),
        )

    @strawberry.mutation(description="Delete an order with its lines.")
    async def delete_order(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which order.")],
    ) -> DeleteResult:
        return await delete_record(info, "Order", input)

    @strawberry.mutation(description="Add a line to an order, or update it (idempotent).")
    async def upsert_order_line(
        self,
        info: GqlInfo,
        input: Annotated[OrderLineInput, strawberry.argument(description="The line.")],
    ) -> OrderLineResult:
        return await write_record(
            info,
            "OrderLine",
            input_data(input),
            payload(OrderLinePayload, line=OrderLine.from_record),
        )

    @strawberry.mutation(description="Remove a line from an order.")
    async def remove_order_line(
        self,
        info: GqlInfo,
        input: Annotated[RemoveOrderLineInput, strawberry.argument(description="Which line.")],
    ) -> UnlinkResult:
        return await unlink_record(info, "OrderLine", input_data(input), "orderId", "productId")

    @strawberry.mutation(description="Set a partner's stock of a product (idempotent).")
    async def set_stock_level(
        self,
        info: GqlInfo,
        input: Annotated[StockLevelInput, strawberry.argument(description="The stock level.")],
    ) -> StockLevelResult:
        return await write_record(
            info,
            "StockLevel",
            input_data(input),
            payload(StockLevelPayload, stock_level=StockLevel.from_record),
        )

    @strawberry.mutation(description="Remove a partner's stock level of a product.")
    async def remove_stock_level(
        self,
        info: GqlInfo,
        input: Annotated[RemoveStockLevelInput, strawberry.argument(description="Which one.")],
    ) -> UnlinkResult:
        return await unlink_record(info, "StockLevel", input_data(input), "partnerId", "productId")

    @strawberry.mutation(description="File a warranty claim or update one (idempotent).")
    async def upsert_warranty_claim(
        self,
        info: GqlInfo,
        input: Annotated[
            WarrantyClaimInput, strawberry.argument(description="The claim's fields.")
        ],
    ) -> WarrantyClaimResult:
        return await upsert_record(
            info,
            "WarrantyClaim",
            input_data(input),
            q.WARRANTY_CLAIM_BY_IDS,
            payload(WarrantyClaimPayload, warranty_claim=WarrantyClaim.from_record),
        )

    @strawberry.mutation(description="Delete a warranty claim.")
    async def delete_warranty_claim(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which claim.")],
    ) -> DeleteResult:
        return await delete_record(info, "WarrantyClaim", input)
