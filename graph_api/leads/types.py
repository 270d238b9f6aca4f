from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.customers.statements import CUSTOMER_BY_IDS
from graph_api.deals.statements import DEAL_BY_IDS
from graph_api.partnerships.statements import PARTNERSHIP_BY_IDS
from graph_api.reading import GqlInfo, load_one
from graph_api.values import as_date, as_datetime, as_enum
from graph_api.vocabulary import LeadStatus

if TYPE_CHECKING:
    from graph_api.customers.types import Customer
    from graph_api.deals.types import Deal
    from graph_api.partnerships.types import Partnership


@strawberry.type(description="A prospect, possibly referred by a partnership.")
class Lead:
    id: strawberry.ID = strawberry.field(description="Stable id of the lead.")
    name: str = strawberry.field(description="Name of the person or opportunity.")
    email: str | None = strawberry.field(description="Email address.")
    company: str | None = strawberry.field(description="Company name as given.")
    status: LeadStatus | None = strawberry.field(description="Lifecycle state.")
    created_date: date | None = strawberry.field(description="When the lead came in.")
    converted_date: date | None = strawberry.field(description="When it became a deal.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    partnership_id: strawberry.ID | None = strawberry.field(
        description="Id of the referring partnership."
    )
    converted_deal_id: strawberry.ID | None = strawberry.field(
        description="Id of the deal this lead converted to."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        description="Id of the customer account the lead concerns (an expansion lead at an "
        "existing customer); null when none is named or you may not see it."
    )

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Lead:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            email=row.get("email"),
            company=row.get("company"),
            status=as_enum(LeadStatus, row.get("status")),
            created_date=as_date(row.get("createdDate")),
            converted_date=as_date(row.get("convertedDate")),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            partnership_id=row.get("partnershipId"),
            converted_deal_id=row.get("convertedDealId"),
            customer_id=row.get("customerId"),
        )

    @strawberry.field(description="The partnership that referred this lead.")
    async def referred_by(
        self, info: GqlInfo
    ) -> Annotated[Partnership, strawberry.lazy("graph_api.partnerships.types")] | None:
        from graph_api.partnerships.types import Partnership

        row = await load_one(info.context, PARTNERSHIP_BY_IDS, self.partnership_id)
        return Partnership.from_record(row) if row else None

    @strawberry.field(description="The deal this lead converted to; null when you may not see it.")
    async def converted_deal(
        self, info: GqlInfo
    ) -> Annotated[Deal, strawberry.lazy("graph_api.deals.types")] | None:
        from graph_api.deals.types import Deal

        row = await load_one(info.context, DEAL_BY_IDS, self.converted_deal_id)
        return Deal.from_record(row) if row else None

    @strawberry.field(
        description="The customer account this lead concerns; null when none is named or "
        "you may not see it."
    )
    async def customer(
        self, info: GqlInfo
    ) -> Annotated[Customer, strawberry.lazy("graph_api.customers.types")] | None:
        from graph_api.customers.types import Customer

        row = await load_one(info.context, CUSTOMER_BY_IDS, self.customer_id)
        return Customer.from_record(row) if row else None
