from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.deals.statements import DEAL_CONVERTED, DEAL_DERIVED
from graph_api.pagination import Connection
from graph_api.partners import statements as q
from graph_api.reading import After, First, GqlInfo, load_one, nested
from graph_api.values import as_date, as_datetime, as_enum
from graph_api.vocabulary import ConsentLevel, DealStage, PartnerKind, PartnerTier, Region

if TYPE_CHECKING:
    from graph_api.customers.types import Customer
    from graph_api.deals.types import Deal
    from graph_api.goals.types import Goal
    from graph_api.partnerships.types import Partnership


@strawberry.type(description="A company in the partner ecosystem.")
class Partner:
    id: strawberry.ID = strawberry.field(description="Stable id of the partner.")
    name: str = strawberry.field(description="Display name.")
    domain: str | None = strawberry.field(description="Normalized web domain, e.g. acme.com.")
    kind: PartnerKind | None = strawberry.field(description="What kind of partner this is.")
    tier: PartnerTier | None = strawberry.field(description="Partner tier, e.g. GOLD.")
    region: Region | None = strawberry.field(description="Sales region, e.g. EMEA.")
    source_system: str | None = strawberry.field(
        description="System the record came from (CRM, ERP, PRM), if imported."
    )
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    served_since: date | None = strawberry.field(
        description="Reached through Customer.partners: since when this partner serves that "
        "customer (SERVES.since); null elsewhere."
    )
    distributor_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Partner:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            domain=row.get("domain"),
            kind=as_enum(PartnerKind, row.get("kind")),
            tier=as_enum(PartnerTier, row.get("tier")),
            region=as_enum(Region, row.get("region")),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            served_since=as_date(row.get("servedSince")),
            distributor_id=row.get("distributorId"),
        )

    @strawberry.field(description="Program memberships this partner holds, oldest first.")
    async def partnerships(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Partnership, strawberry.lazy("graph_api.partnerships.types")]]:
        from graph_api.partnerships.types import Partnership

        return await nested(
            info, q.PARTNER_PARTNERSHIPS, self.id, first, after, Partnership.from_record
        )

    @strawberry.field(
        description="Deals credited (ATTRIBUTED) to any of this partner's partnerships, "
        "latest close date first."
    )
    async def deals(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        stage: Annotated[
            DealStage | None, strawberry.argument(description="Only deals in this stage.")
        ] = None,
    ) -> Connection[Annotated[Deal, strawberry.lazy("graph_api.deals.types")]]:
        from graph_api.deals.types import Deal

        return await nested(
            info,
            q.PARTNER_DEALS,
            self.id,
            first,
            after,
            Deal.from_record,
            DEAL_DERIVED,
            DEAL_CONVERTED,
            stage=stage.value if stage else None,
        )

    @strawberry.field(description="Customers this partner serves (its book of accounts).")
    async def customers(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Customer, strawberry.lazy("graph_api.customers.types")]]:
        from graph_api.customers.types import Customer

        return await nested(info, q.PARTNER_CUSTOMERS, self.id, first, after, Customer.from_record)

    @strawberry.field(
        description="The distributor this partner resells for; null when it has none "
        "or the caller may not see it."
    )
    async def distributor(self, info: GqlInfo) -> Partner | None:
        row = await load_one(info.context, q.PARTNER_BY_IDS, self.distributor_id)
        return Partner.from_record(row) if row else None

    @strawberry.field(description="Partners that resell for this one (one tier down).")
    async def resellers(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Partner]:
        return await nested(info, q.PARTNER_RESELLERS, self.id, first, after, Partner.from_record)

    @strawberry.field(description="This partner's goals, by period start.")
    async def goals(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Goal, strawberry.lazy("graph_api.goals.types")]]:
        from graph_api.goals.types import Goal

        return await nested(info, q.PARTNER_GOALS, self.id, first, after, Goal.from_record)

    @strawberry.field(description="Data-sharing consents this partner gave to other partners.")
    async def shares_with(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[SharingConsent]:
        return await nested(
            info,
            q.PARTNER_SHARING_GIVEN,
            self.id,
            first,
            after,
            SharingConsent.from_record,
        )

    @strawberry.field(description="Data-sharing consents other partners gave to this partner.")
    async def shared_with_by(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[SharingConsent]:
        return await nested(
            info,
            q.PARTNER_SHARING_RECEIVED,
            self.id,
            first,
            after,
            SharingConsent.from_record,
        )


@strawberry.type(
    description="Consent from one partner to share its data with another (SHARES_WITH)."
)
class SharingConsent:
    partner_id: strawberry.ID = strawberry.field(description="Id of the partner giving consent.")
    with_partner_id: strawberry.ID = strawberry.field(
        description="Id of the partner receiving the data."
    )
    level: ConsentLevel | None = strawberry.field(description="How much is shared.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> SharingConsent:
        return cls(
            partner_id=strawberry.ID(row["partnerId"]),
            with_partner_id=strawberry.ID(row["withPartnerId"]),
            level=as_enum(ConsentLevel, row.get("level")),
        )

    @strawberry.field(description="The partner giving consent; null when out of your scope.")
    async def partner(self, info: GqlInfo) -> Partner | None:
        row = await load_one(info.context, q.PARTNER_BY_IDS, self.partner_id)
        return Partner.from_record(row) if row else None

    @strawberry.field(description="The partner receiving the data; null when out of your scope.")
    async def with_partner(self, info: GqlInfo) -> Partner | None:
        row = await load_one(info.context, q.PARTNER_BY_IDS, self.with_partner_id)
        return Partner.from_record(row) if row else None
