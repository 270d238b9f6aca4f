from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.deals.statements import ATTRIBUTION_CONVERTED, DEAL_CONVERTED, DEAL_DERIVED
from graph_api.leads.statements import LEAD_DERIVED
from graph_api.pagination import Connection
from graph_api.partners.statements import PARTNER_BY_IDS
from graph_api.partnerships import statements as q
from graph_api.programs.statements import PROGRAM_BY_IDS
from graph_api.reading import After, First, GqlInfo, load_one, nested
from graph_api.values import as_date, as_datetime, as_enum
from graph_api.vocabulary import PartnershipStatus

if TYPE_CHECKING:
    from graph_api.deals.types import Attribution, Deal, Registration
    from graph_api.leads.types import Lead
    from graph_api.partners.types import Partner
    from graph_api.programs.types import Program


@strawberry.type(description="One partner's membership of one program.")
class Partnership:
    id: strawberry.ID = strawberry.field(description="Stable id of the partnership.")
    status: PartnershipStatus | None = strawberry.field(description="Membership state.")
    level: str | None = strawberry.field(description="Level within the program, if any.")
    start_date: date | None = strawberry.field(description="First day of the membership.")
    end_date: date | None = strawberry.field(description="Last day, when it ended or will end.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    partner_id: strawberry.ID | None = strawberry.field(
        description="Id of the partner holding this membership."
    )
    program_id: strawberry.ID | None = strawberry.field(description="Id of the program.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Partnership:
        return cls(
            id=strawberry.ID(row["id"]),
            status=as_enum(PartnershipStatus, row.get("status")),
            level=row.get("level"),
            start_date=as_date(row.get("startDate")),
            end_date=as_date(row.get("endDate")),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            partner_id=row.get("partnerId"),
            program_id=row.get("programId"),
        )

    @strawberry.field(description="The partner holding this membership.")
    async def partner(
        self, info: GqlInfo
    ) -> Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None:
        from graph_api.partners.types import Partner

        row = await load_one(info.context, PARTNER_BY_IDS, self.partner_id)
        return Partner.from_record(row) if row else None

    @strawberry.field(description="The program joined.")
    async def program(
        self, info: GqlInfo
    ) -> Annotated[Program, strawberry.lazy("graph_api.programs.types")] | None:
        from graph_api.programs.types import Program

        row = await load_one(info.context, PROGRAM_BY_IDS, self.program_id)
        return Program.from_record(row) if row else None

    @strawberry.field(
        description="Deals credited (ATTRIBUTED) to this partnership, latest close date first."
    )
    async def deals(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Deal, strawberry.lazy("graph_api.deals.types")]]:
        from graph_api.deals.types import Deal

        return await nested(
            info,
            q.PARTNERSHIP_DEALS,
            self.id,
            first,
            after,
            Deal.from_record,
            DEAL_DERIVED,
            DEAL_CONVERTED,
        )

    @strawberry.field(description="Credits on deals with role and share, newest first.")
    async def attributions(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Attribution, strawberry.lazy("graph_api.deals.types")]]:
        from graph_api.deals.types import Attribution

        return await nested(
            info,
            q.PARTNERSHIP_ATTRIBUTIONS,
            self.id,
            first,
            after,
            Attribution.from_record,
            converted=ATTRIBUTION_CONVERTED,
        )

    @strawberry.field(description="Deal registrations by this partnership, newest first.")
    async def registrations(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Registration, strawberry.lazy("graph_api.deals.types")]]:
        from graph_api.deals.types import Registration

        return await nested(
            info,
            q.PARTNERSHIP_REGISTRATIONS,
            self.id,
            first,
            after,
            Registration.from_record,
        )

    @strawberry.field(description="Leads this partnership referred, newest first.")
    async def leads(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Lead, strawberry.lazy("graph_api.leads.types")]]:
        from graph_api.leads.types import Lead

        return await nested(
            info, q.PARTNERSHIP_LEADS, self.id, first, after, Lead.from_record, LEAD_DERIVED
        )
