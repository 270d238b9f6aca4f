"""Deal writes: upsert, delete, attribution credits and registrations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from graph_api.deals import statements as q
from graph_api.deals.types import Deal, Registration
from graph_api.errors import ConflictError, InputInvalid, NotFoundError, ValidationError
from graph_api.intelligence.registrations import RegistrationConflicts, conflicts_for
from graph_api.partnerships.statements import PARTNERSHIP_BY_IDS
from graph_api.reading import GqlInfo, Row, read_one_fresh
from graph_api.vocabulary import AttributionRole, DealStage, RegistrationStatus
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    UnlinkResult,
    delete_record,
    input_data,
    payload,
    unlink_record,
    upsert_record,
    write,
    write_all,
)

_UNSET = strawberry.UNSET


@strawberry.input(
    description="A deal to create or update; omitted fields keep their stored values. "
    "name and amount are required when creating."
)
class DealInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    name: str | None = strawberry.field(default=_UNSET, description="Display name.")
    amount: float | None = strawberry.field(
        default=_UNSET, description="Deal value; negative amounts are rejected."
    )
    currency: str | None = strawberry.field(
        default=_UNSET, description="ISO 4217 code (normalized to upper case; default USD)."
    )
    stage: DealStage | None = strawberry.field(
        default=_UNSET, description="Pipeline stage (default PROSPECT)."
    )
    created_date: date | None = strawberry.field(default=_UNSET, description="Opened on.")
    close_date: date | None = strawberry.field(
        default=_UNSET, description="Closed (or expected to close) on."
    )
    registered_date: date | None = strawberry.field(
        default=_UNSET, description="First registered by a partner on."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The customer the deal is for."
    )
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The deal as stored after the write.")
class DealPayload:
    deal: Deal | None = strawberry.field(
        description="The written deal; null when it is outside your scope."
    )


DealResult = Annotated[
    DealPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("DealResult", description="The deal, or why nothing changed."),
]


@strawberry.input(description="Credit for a deal given to one partnership.")
class AttributionInput:
    partnership_id: strawberry.ID = strawberry.field(description="The credited partnership.")
    role: AttributionRole = strawberry.field(description="How it earned the credit.")
    share: float = strawberry.field(
        description="Fraction of the deal, 0 to 1; all shares on a deal sum to at most 1."
    )
    at: datetime | None = strawberry.field(
        default=_UNSET, description="When the credit was given (default: now)."
    )


@strawberry.input(description="Credit one deal to one or more partnerships, all or nothing.")
class AttributeDealInput:
    deal_id: strawberry.ID = strawberry.field(description="The deal.")
    attributions: list[AttributionInput] = strawberry.field(
        description="The credits to set; existing credits of other partnerships stay."
    )


@strawberry.input(description="A partnership's registration of a deal.")
class RegisterDealInput:
    deal_id: strawberry.ID = strawberry.field(description="The deal.")
    partnership_id: strawberry.ID = strawberry.field(description="The registering partnership.")
    at: datetime | None = strawberry.field(
        default=_UNSET, description="When it was registered (default: now)."
    )
    status: RegistrationStatus | None = strawberry.field(
        default=_UNSET, description="Registration state (default PENDING)."
    )
    expires_at: datetime | None = strawberry.field(
        default=_UNSET, description="When the registration lapses."
    )


@strawberry.type(description="The registration and its deal after the write.")
class RegisterDealPayload:
    registration: Registration = strawberry.field(description="The written registration.")
    deal: Deal | None = strawberry.field(description="The deal; null when outside your scope.")

    @strawberry.field(
        description="Other active registrations for the same customer whose windows overlap "
        "this deal's, as registrationConflicts answers them (one more round trip when asked)."
    )
    async def conflicts(self, info: GqlInfo) -> RegistrationConflicts | None:
        return await conflicts_for(info.context, str(self.registration.deal_id))


RegisterDealResult = Annotated[
    RegisterDealPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("RegisterDealResult", description="The registration, or why not."),
]


@strawberry.input(description="A deal and a partnership linked by a credit or registration.")
class DealPartnershipInput:
    deal_id: strawberry.ID = strawberry.field(description="The deal.")
    partnership_id: strawberry.ID = strawberry.field(description="The partnership.")


async def _deal(info: GqlInfo, deal_id: str) -> Deal | None:
    row = await read_one_fresh(info.context, q.DEAL_BY_IDS, deal_id)
    return Deal.from_record(row) if row else None


@strawberry.type
class DealMutation:
    @strawberry.mutation(description="Create a deal or update one (idempotent).")
    async def upsert_deal(
        self,
        info: GqlInfo,
        input: Annotated[DealInput, strawberry.argument(description="The deal's fields.")],
    ) -> DealResult:
        return await upsert_record(
            info,
            "Deal",
            input_data(input),
            q.DEAL_BY_IDS,
            payload(DealPayload, deal=Deal.from_record),
        )

    @strawberry.mutation(description="Delete a deal with its credits and registrations.")
    async def delete_deal(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which deal.")],
    ) -> DeleteResult:
        return await delete_record(info, "Deal", input)

    @strawberry.mutation(
        description="Credit a deal to one or more partnerships with roles and shares, in one "
        "transaction. Shares outside 0..1, or summing above 1 on the deal, answer "
        "ValidationError and nothing is written. Sending the same credits again changes nothing."
    )
    async def attribute_deal(
        self,
        info: GqlInfo,
        input: Annotated[
            AttributeDealInput, strawberry.argument(description="The deal and its credits.")
        ],
    ) -> DealResult:
        if not input.attributions:
            return InputInvalid([(["attributions"], "give at least one credit")]).as_result()
        records = [
            ("Attribution", {"dealId": str(input.deal_id), **input_data(a)})
            for a in input.attributions
        ]
        # The write path numbers the records only when there are several.
        single = ["0"] if len(records) == 1 else []

        async def then(stored: list[Row]) -> DealPayload:
            return DealPayload(deal=await _deal(info, str(input.deal_id)))

        return await write_all(
            info, records, then, error_path=lambda path: ["attributions", *single, *path]
        )

    @strawberry.mutation(description="Register a deal for a partnership (idempotent).")
    async def register_deal(
        self,
        info: GqlInfo,
        input: Annotated[
            RegisterDealInput, strawberry.argument(description="Deal, partnership, terms.")
        ],
    ) -> RegisterDealResult:
        data = input_data(input)

        async def then(stored: Row) -> RegisterDealPayload:
            holder = await read_one_fresh(
                info.context, PARTNERSHIP_BY_IDS, str(input.partnership_id)
            )
            partner = {"partnerId": holder.get("partnerId")} if holder else {}
            registration = Registration.from_record({**data, **stored, **partner})
            return RegisterDealPayload(
                registration=registration, deal=await _deal(info, str(input.deal_id))
            )

        return await write(info, "Registration", data, then)

    @strawberry.mutation(description="Remove a partnership's credit on a deal.")
    async def remove_attribution(
        self,
        info: GqlInfo,
        input: Annotated[
            DealPartnershipInput, strawberry.argument(description="Deal and partnership.")
        ],
    ) -> UnlinkResult:
        return await unlink_record(
            info, "Attribution", input_data(input), "partnershipId", "dealId"
        )

    @strawberry.mutation(description="Remove a partnership's registration of a deal.")
    async def withdraw_registration(
        self,
        info: GqlInfo,
        input: Annotated[
            DealPartnershipInput, strawberry.argument(description="Deal and partnership.")
        ],
    ) -> UnlinkResult:
        return await unlink_record(
            info, "Registration", input_data(input), "partnershipId", "dealId"
        )
