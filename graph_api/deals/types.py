from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.customers.statements import CUSTOMER_BY_IDS, CUSTOMER_CONVERTED
from graph_api.deals import statements as q
from graph_api.leads.statements import LEAD_BY_IDS
from graph_api.pagination import Connection
from graph_api.partners.statements import PARTNER_BY_IDS, PARTNER_CONVERTED
from graph_api.partnerships.statements import PARTNERSHIP_BY_IDS
from graph_api.reading import After, First, GqlInfo, load_one, nested, selected_row
from graph_api.selection import object_fields
from graph_api.values import as_date, as_datetime, as_enum, as_float
from graph_api.vocabulary import AttributionRole, DealStage, RegistrationStatus

if TYPE_CHECKING:
    from graph_api.customers.types import Customer
    from graph_api.leads.types import Lead
    from graph_api.partners.types import Partner
    from graph_api.partnerships.types import Partnership


@strawberry.type(description="An opportunity with an end customer.")
class Deal:
    id: strawberry.ID = strawberry.field(description="Stable id of the deal.")
    name: str = strawberry.field(description="Display name.")
    amount: float | None = strawberry.field(description="Deal value in `currency`.")
    currency: str | None = strawberry.field(description="ISO 4217 currency code, e.g. EUR.")
    stage: DealStage | None = strawberry.field(description="Pipeline stage.")
    created_date: date | None = strawberry.field(description="When the deal was opened.")
    close_date: date | None = strawberry.field(description="When it closed or is expected to.")
    registered_date: date | None = strawberry.field(
        description="When a partner first registered it."
    )
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    customer_id: strawberry.ID | None = strawberry.field(description="Id of the customer.")
    lead_id: strawberry.ID | None = strawberry.field(
        description="Id of the lead that converted to this deal, if any."
    )

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Deal:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            amount=as_float(row.get("amount")),
            currency=row.get("currency"),
            stage=as_enum(DealStage, row.get("stage")),
            created_date=as_date(row.get("createdDate")),
            close_date=as_date(row.get("closeDate")),
            registered_date=as_date(row.get("registeredDate")),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            customer_id=row.get("customerId"),
            lead_id=row.get("leadId"),
        )

    @strawberry.field(description="The customer this deal is for.")
    async def customer(
        self, info: GqlInfo
    ) -> Annotated[Customer, strawberry.lazy("graph_api.customers.types")] | None:
        from graph_api.customers.types import Customer

        row = await load_one(info.context, CUSTOMER_BY_IDS, self.customer_id)
        if row is None:
            return None
        return Customer.from_record(selected_row(row, CUSTOMER_CONVERTED, object_fields(info)))

    @strawberry.field(description="The lead that converted to this deal; null if none or hidden.")
    async def lead(
        self, info: GqlInfo
    ) -> Annotated[Lead, strawberry.lazy("graph_api.leads.types")] | None:
        from graph_api.leads.types import Lead

        row = await load_one(info.context, LEAD_BY_IDS, self.lead_id)
        return Lead.from_record(row) if row else None

    @strawberry.field(
        description="Partnerships credited on this deal, with role and share, largest share first."
    )
    async def attributions(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Attribution]:
        return await nested(
            info,
            q.DEAL_ATTRIBUTIONS,
            self.id,
            first,
            after,
            Attribution.from_record,
            converted=q.ATTRIBUTION_CONVERTED,
        )

    @strawberry.field(description="Registrations of this deal by partnerships, newest first.")
    async def registrations(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Registration]:
        return await nested(
            info, q.DEAL_REGISTRATIONS, self.id, first, after, Registration.from_record
        )


@strawberry.type(description="Credit for a deal given to one partnership (ATTRIBUTED).")
class Attribution:
    partnership_id: strawberry.ID = strawberry.field(description="Id of the credited partnership.")
    deal_id: strawberry.ID = strawberry.field(description="Id of the deal.")
    partner_id: strawberry.ID | None = strawberry.field(
        description="Id of the partner holding the partnership."
    )
    role: AttributionRole | None = strawberry.field(description="How the credit was earned.")
    share: float | None = strawberry.field(description="Fraction of the deal credited, 0 to 1.")
    at: datetime | None = strawberry.field(description="When the credit was given.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Attribution:
        return cls(
            partnership_id=strawberry.ID(row["partnershipId"]),
            deal_id=strawberry.ID(row["dealId"]),
            partner_id=row.get("partnerId"),
            role=as_enum(AttributionRole, row.get("role")),
            share=as_float(row.get("share")),
            at=as_datetime(row.get("at")),
        )

    @strawberry.field(description="The credited partnership.")
    async def partnership(
        self, info: GqlInfo
    ) -> Annotated[Partnership, strawberry.lazy("graph_api.partnerships.types")] | None:
        return await _partnership(info, self.partnership_id)

    @strawberry.field(description="The partner holding the credited partnership.")
    async def partner(
        self, info: GqlInfo
    ) -> Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None:
        return await _partner(info, self.partner_id)

    @strawberry.field(description="The credited deal.")
    async def deal(self, info: GqlInfo) -> Deal | None:
        row = await load_one(info.context, q.DEAL_BY_IDS, self.deal_id)
        return Deal.from_record(row) if row else None


@strawberry.type(description="A partnership's registration of a deal (REGISTERED).")
class Registration:
    partnership_id: strawberry.ID = strawberry.field(
        description="Id of the registering partnership."
    )
    deal_id: strawberry.ID = strawberry.field(description="Id of the registered deal.")
    partner_id: strawberry.ID | None = strawberry.field(
        description="Id of the partner holding the partnership."
    )
    at: datetime | None = strawberry.field(description="When the deal was registered.")
    status: RegistrationStatus | None = strawberry.field(description="Registration state.")
    expires_at: datetime | None = strawberry.field(description="When the registration lapses.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Registration:
        return cls(
            partnership_id=strawberry.ID(row["partnershipId"]),
            deal_id=strawberry.ID(row["dealId"]),
            partner_id=row.get("partnerId"),
            at=as_datetime(row.get("at")),
            status=as_enum(RegistrationStatus, row.get("status")),
            expires_at=as_datetime(row.get("expiresAt")),
        )

    @strawberry.field(description="The registering partnership.")
    async def partnership(
        self, info: GqlInfo
    ) -> Annotated[Partnership, strawberry.lazy("graph_api.partnerships.types")] | None:
        return await _partnership(info, self.partnership_id)

    @strawberry.field(description="The partner holding the registering partnership.")
    async def partner(
        self, info: GqlInfo
    ) -> Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None:
        return await _partner(info, self.partner_id)

    @strawberry.field(description="The registered deal.")
    async def deal(self, info: GqlInfo) -> Deal | None:
        row = await load_one(info.context, q.DEAL_BY_IDS, self.deal_id)
        return Deal.from_record(row) if row else None


async def _partnership(info: GqlInfo, id: str | None) -> Partnership | None:
    from graph_api.partnerships.types import Partnership

    row = await load_one(info.context, PARTNERSHIP_BY_IDS, id)
    return Partnership.from_record(row) if row else None


async def _partner(info: GqlInfo, id: str | None) -> Partner | None:
    from graph_api.partners.types import Partner

    row = await load_one(info.context, PARTNER_BY_IDS, id)
    if row is None:
        return None
    return Partner.from_record(selected_row(row, PARTNER_CONVERTED, object_fields(info)))
