from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.customers.statements import CUSTOMER_BY_IDS
from graph_api.reading import GqlInfo, load_one
from graph_api.values import as_datetime

if TYPE_CHECKING:
    from graph_api.customers.types import Customer


@strawberry.type(description="A person who works at a customer.")
class Contact:
    id: strawberry.ID = strawberry.field(description="Stable id of the contact.")
    name: str = strawberry.field(description="Full name.")
    email: str | None = strawberry.field(description="Email address.")
    title: str | None = strawberry.field(description="Job title.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    customer_id: strawberry.ID | None = strawberry.field(
        description="Id of the customer this contact works at."
    )

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Contact:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            email=row.get("email"),
            title=row.get("title"),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            customer_id=row.get("customerId"),
        )

    @strawberry.field(description="The customer this contact works at.")
    async def customer(
        self, info: GqlInfo
    ) -> Annotated[Customer, strawberry.lazy("graph_api.customers.types")] | None:
        from graph_api.customers.types import Customer

        row = await load_one(info.context, CUSTOMER_BY_IDS, self.customer_id)
        return Customer.from_record(row) if row else None
