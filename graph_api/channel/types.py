"""The channel types: products, orders with their lines, stock levels, warranty claims,
and the channel figures of a partner's dashboard."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.channel import statements as q
from graph_api.customers.statements import CUSTOMER_BY_IDS
from graph_api.partners.statements import PARTNER_BY_IDS
from graph_api.reading import GqlInfo, load_node
from graph_api.values import as_date, as_datetime, as_enum, as_float
from graph_api.vocabulary import ClaimStatus, OrderStatus

if TYPE_CHECKING:
    from graph_api.customers.types import Customer
    from graph_api.partners.types import Partner


def money(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


async def _partner(
    root: Order | WarrantyClaim, info: GqlInfo
) -> Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None:
    """The partner of an order or a claim: one field resolver for both."""
    from graph_api.partners.types import Partner

    return await load_node(info.context, PARTNER_BY_IDS, root.partner_id, Partner.from_record)


@strawberry.type(description="A product (component) of the manufacturer's catalogue.")
class Product:
    id: strawberry.ID = strawberry.field(description="Stable id of the product.")
    sku: str = strawberry.field(description="Stock keeping unit.")
    name: str = strawberry.field(description="Display name.")
    family: str | None = strawberry.field(description="Product family, e.g. pumps.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Product:
        return cls(
            id=strawberry.ID(row["id"]),
            sku=row.get("sku") or "",
            name=row.get("name") or "",
            family=row.get("family"),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )


@strawberry.type(description="One line of an order (INCLUDES): a product and a quantity.")
class OrderLine:
    order_id: strawberry.ID | None = strawberry.field(
        description="The order (null inside Order.lines, where it is the parent)."
    )
    product_id: strawberry.ID = strawberry.field(description="Id of the product.")
    sku: str | None = strawberry.field(description="The product's sku.")
    product_name: str | None = strawberry.field(description="The product's name.")
    family: str | None = strawberry.field(description="The product's family.")
    quantity: int = strawberry.field(description="Units ordered.")
    unit_price: float | None = strawberry.field(description="Price of one unit.")
    amount: float = strawberry.field(description="quantity x unitPrice (0 without a price).")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> OrderLine:
        quantity = int(row.get("quantity") or 0)
        price = as_float(row.get("unitPrice"))
        return cls(
            order_id=row.get("orderId"),
            product_id=strawberry.ID(str(row["productId"])),
            sku=row.get("sku"),
            product_name=row.get("productName"),
            family=row.get("family"),
            quantity=quantity,
            unit_price=price,
            amount=money(Decimal(quantity) * Decimal(str(price or 0))),
        )


@strawberry.type(description="A partner's order of components (PLACED), with its lines.")
class Order:
    id: strawberry.ID = strawberry.field(description="Stable id of the order.")
    status: OrderStatus | None = strawberry.field(description="Where the order stands.")
    ordered_date: date | None = strawberry.field(description="When it was placed.")
    delivered_date: date | None = strawberry.field(description="When it was delivered.")
    currency: str | None = strawberry.field(description="Currency of its prices.")
    partner_id: strawberry.ID | None = strawberry.field(description="The partner ordering.")
    lines: list[OrderLine] = strawberry.field(description="Its lines, by sku.")
    amount: float = strawberry.field(description="Sum of the lines' amounts.")
    units: int = strawberry.field(description="Sum of the lines' quantities.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Order:
        lines = sorted(
            (OrderLine.from_record(line) for line in row.get("lines") or []),
            key=lambda line: (line.sku or "", str(line.product_id)),
        )
        return cls(
            id=strawberry.ID(row["id"]),
            status=as_enum(OrderStatus, row.get("status")),
            ordered_date=as_date(row.get("orderedDate")),
            delivered_date=as_date(row.get("deliveredDate")),
            currency=row.get("currency"),
            partner_id=row.get("partnerId"),
            lines=lines,
            amount=money(sum((Decimal(str(line.amount)) for line in lines), Decimal(0))),
            units=sum(line.quantity for line in lines),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )

    partner: Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None = (
        strawberry.field(resolver=_partner, description="The partner that placed it.")
    )


@strawberry.type(description="A partner's stock of one product (STOCKS).")
class StockLevel:
    partner_id: strawberry.ID = strawberry.field(description="The partner holding it.")
    product_id: strawberry.ID = strawberry.field(description="The product.")
    sku: str | None = strawberry.field(description="The product's sku.")
    product_name: str | None = strawberry.field(description="The product's name.")
    family: str | None = strawberry.field(description="The product's family.")
    quantity: int = strawberry.field(description="Units in stock.")
    reorder_point: int | None = strawberry.field(
        description="Below this quantity the partner should reorder."
    )
    below_reorder_point: bool = strawberry.field(description="quantity < reorderPoint.")
    counted_at: datetime | None = strawberry.field(description="When the quantity was counted.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> StockLevel:
        quantity = int(row.get("quantity") or 0)
        point = row.get("reorderPoint")
        return cls(
            partner_id=strawberry.ID(str(row["partnerId"])),
            product_id=strawberry.ID(str(row["productId"])),
            sku=row.get("sku"),
            product_name=row.get("productName"),
            family=row.get("family"),
            quantity=quantity,
            reorder_point=None if point is None else int(point),
            below_reorder_point=point is not None and quantity < int(point),
            counted_at=as_datetime(row.get("countedAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )


@strawberry.type(
    description="A warranty claim for a product at a customer, filed through a partner."
)
class WarrantyClaim:
    id: strawberry.ID = strawberry.field(description="Stable id of the claim.")
    status: ClaimStatus | None = strawberry.field(description="Where the claim stands.")
    amount: float | None = strawberry.field(description="Amount claimed.")
    currency: str | None = strawberry.field(description="Currency of the amount.")
    filed_date: date | None = strawberry.field(description="When it was filed.")
    resolved_date: date | None = strawberry.field(description="When it was decided or paid.")
    reason: str | None = strawberry.field(description="What failed.")
    partner_id: strawberry.ID | None = strawberry.field(description="The partner filing it.")
    product_id: strawberry.ID | None = strawberry.field(description="The product.")
    customer_id: strawberry.ID | None = strawberry.field(description="The customer.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> WarrantyClaim:
        return cls(
            id=strawberry.ID(row["id"]),
            status=as_enum(ClaimStatus, row.get("status")),
            amount=as_float(row.get("amount")),
            currency=row.get("currency"),
            filed_date=as_date(row.get("filedDate")),
            resolved_date=as_date(row.get("resolvedDate")),
            reason=row.get("reason"),
            partner_id=row.get("partnerId"),
            product_id=row.get("productId"),
            customer_id=row.get("customerId"),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )

    partner: Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None = (
        strawberry.field(resolver=_partner, description="The partner that filed it.")
    )

    @strawberry.field(description="The product claimed for.")
    async def product(self, info: GqlInfo) -> Product | None:
        return await load_node(info.context, q.PRODUCT_BY_IDS, self.product_id, Product.from_record)

    @strawberry.field(description="The customer; null when out of your scope.")
    async def customer(
        self, info: GqlInfo
    ) -> Annotated[Customer, strawberry.lazy("graph_api.customers.types")] | None:
        from graph_api.customers.types import Customer

        return await load_node(
            info.context, CUSTOMER_BY_IDS, self.customer_id, Customer.from_record
        )


@strawberry.type(description="Orders placed in one month.")
class MonthOrders:
    month: str = strawberry.field(description="The month, YYYY-MM.")
    orders: int = strawberry.field(description="Orders placed (not cancelled).")
    value: float = strawberry.field(description="Their value: sum of quantity x unitPrice.")


@strawberry.type(description="Warranty claims in one status.")
class ClaimBucket:
    status: ClaimStatus | None = strawberry.field(description="The status.")
    count: int = strawberry.field(description="Claims in it.")
    amount: float = strawberry.field(description="Their amounts summed.")


@strawberry.type(description="How often a product family is claimed for.")
class FamilyClaimRate:
    family: str = strawberry.field(description="Product family ('' for products without one).")
    claims: int = strawberry.field(description="Claims filed in the period.")
    units_ordered: int = strawberry.field(
        description="Units of the family ordered (not cancelled) up to the period's end."
    )
    claim_rate: float | None = strawberry.field(
        description="claims / unitsOrdered; null when none were ordered."
    )


@strawberry.type(description="A partner's channel figures for a period.")
class ChannelFigures:
    orders: int = strawberry.field(description="Orders placed in the period (not cancelled).")
    order_value: float = strawberry.field(description="Their value.")
    order_trend: list[MonthOrders] = strawberry.field(
        description="The same by month, oldest first; months without orders are left out."
    )
    low_stock: list[StockLevel] = strawberry.field(
        description="Its stock levels below their reorder point now, by sku."
    )
    claims_by_status: list[ClaimBucket] = strawberry.field(
        description="Warranty claims it filed in the period, by status."
    )
    claim_rates: list[FamilyClaimRate] = strawberry.field(
        description="Per product family, claims filed in the period over units ordered, by family."
    )
