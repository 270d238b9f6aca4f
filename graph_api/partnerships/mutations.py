"""Partnership writes: enrolment in a program, updates and removal."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.partnerships import statements as q
from graph_api.partnerships.types import Partnership
from graph_api.reading import GqlInfo
from graph_api.vocabulary import PartnershipStatus
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    delete_record,
    input_data,
    payload,
    upsert_record,
)

_UNSET = strawberry.UNSET


@strawberry.input(
    description="A partnership to create or update; omitted fields keep their stored "
    "values. partnerId and programId are required when creating."
)
class PartnershipInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    partner_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The partner holding the membership."
    )
    program_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The program; an unknown program answers NotFoundError."
    )
    status: PartnershipStatus | None = strawberry.field(
        default=_UNSET, description="Membership state (ACTIVE when created without one)."
    )
    level: str | None = strawberry.field(default=_UNSET, description="Level within the program.")
    start_date: date | None = strawberry.field(default=_UNSET, description="First day.")
    end_date: date | None = strawberry.field(default=_UNSET, description="Last day.")
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.input(description="Enrol a partner in a program.")
class EnrollPartnerInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner to enrol.")
    program_id: strawberry.ID = strawberry.field(
        description="The program; an unknown program answers NotFoundError."
    )
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET,
        description="Id for the partnership. When omitted, the partner's membership of the "
        "program is reused if it has one (so a retry changes nothing), else an id is generated.",
    )
    status: PartnershipStatus | None = strawberry.field(
        default=_UNSET, description="Membership state (default ACTIVE)."
    )
    level: str | None = strawberry.field(default=_UNSET, description="Level within the program.")
    start_date: date | None = strawberry.field(default=_UNSET, description="First day.")
    end_date: date | None = strawberry.field(default=_UNSET, description="Last day.")


@strawberry.type(description="The partnership as stored after the write.")
class PartnershipPayload:
    partnership: Partnership = strawberry.field(description="The written partnership.")


PartnershipResult = Annotated[
    PartnershipPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("PartnershipResult", description="The partnership, or why nothing changed."),
]


@strawberry.type
class PartnershipMutation:
    @strawberry.mutation(description="Enrol a partner in a program (creates a partnership).")
    async def enroll_partner(
        self,
        info: GqlInfo,
        input: Annotated[
            EnrollPartnerInput, strawberry.argument(description="Partner, program and terms.")
        ],
    ) -> PartnershipResult:
        return await upsert_record(
            info,
            "Partnership",
            input_data(input),
            q.PARTNERSHIP_BY_IDS,
            payload(PartnershipPayload, partnership=Partnership.from_record),
        )

    @strawberry.mutation(description="Create a partnership or update one (idempotent).")
    async def upsert_partnership(
        self,
        info: GqlInfo,
        input: Annotated[
            PartnershipInput, strawberry.argument(description="The partnership's fields.")
        ],
    ) -> PartnershipResult:
        return await upsert_record(
            info,
            "Partnership",
            input_data(input),
            q.PARTNERSHIP_BY_IDS,
            payload(PartnershipPayload, partnership=Partnership.from_record),
        )

    @strawberry.mutation(
        description="Delete a partnership. One with credited deals answers ConflictError "
        "unless `cascade: true` (its credits and registrations go; deals stay)."
    )
    async def delete_partnership(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which partnership.")],
    ) -> DeleteResult:
        return await delete_record(info, "Partnership", input)
