from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.customers import statements as q
from graph_api.deals.statements import DEAL_CONVERTED, DEAL_DERIVED
from graph_api.pagination import Connection
from graph_api.reading import After, First, GqlInfo, nested
from graph_api.values import as_date, as_datetime, as_enum
from graph_api.vocabulary import CustomerSize, Region

if TYPE_CHECKING:
    from graph_api.contacts.types import Contact
    from graph_api.deals.types import Deal
    from graph_api.partners.types import Partner


@strawberry.type(description="An end customer's account.")
class Customer:
    id: strawberry.ID = strawberry.field(description="Stable id of the customer.")
    name: str = strawberry.field(description="Display name.")
    domain: str | None = strawberry.field(description="Normalized web domain, e.g. acme.com.")
    industry: str | None = strawberry.field(description="Industry, free text.")
    region: Region | None = strawberry.field(description="Sales region.")
    size: CustomerSize | None = strawberry.field(description="Account size.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    served_since: date | None = strawberry.field(
        description="Reached through Partner.customers: since when that partner serves this "
        "customer (SERVES.since); null elsewhere."
    )

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Customer:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            domain=row.get("domain"),
            industry=row.get("industry"),
            region=as_enum(Region, row.get("region")),
            size=as_enum(CustomerSize, row.get("size")),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            served_since=as_date(row.get("servedSince")),
        )

    @strawberry.field(
        description="Deals for this customer that you may see, latest close date first."
    )
    async def deals(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Deal, strawberry.lazy("graph_api.deals.types")]]:
        from graph_api.deals.types import Deal

        return await nested(
            info,
            q.CUSTOMER_DEALS,
            self.id,
            first,
            after,
            Deal.from_record,
            DEAL_DERIVED,
            DEAL_CONVERTED,
        )

    @strawberry.field(description="Partners that serve this customer (that you may see).")
    async def partners(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Partner, strawberry.lazy("graph_api.partners.types")]]:
        from graph_api.partners.types import Partner

        return await nested(info, q.CUSTOMER_PARTNERS, self.id, first, after, Partner.from_record)

    @strawberry.field(description="People who work at this customer, by name.")
    async def contacts(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Contact, strawberry.lazy("graph_api.contacts.types")]]:
        from graph_api.contacts.types import Contact

        return await nested(info, q.CUSTOMER_CONTACTS, self.id, first, after, Contact.from_record)
