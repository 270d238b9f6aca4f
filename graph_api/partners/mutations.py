"""Partner writes: upsert, delete, distributor hierarchy and sharing consent."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.partners import statements as q
from graph_api.partners.types import Partner, SharingConsent
from graph_api.reading import GqlInfo
from graph_api.vocabulary import ConsentLevel, PartnerKind, PartnerTier, Region
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
)

_UNSET = strawberry.UNSET


@strawberry.input(
    description="A partner to create or update. Matched by id, else by sourceSystem + "
    "externalId, else by domain; omitted fields keep their stored values. name and kind "
    "are required when creating."
)
class PartnerInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    name: str | None = strawberry.field(default=_UNSET, description="Display name.")
    domain: str | None = strawberry.field(
        default=_UNSET, description="Web domain; normalized (case, scheme, www.)."
    )
    kind: PartnerKind | None = strawberry.field(default=_UNSET, description="Kind of partner.")
    tier: PartnerTier | None = strawberry.field(default=_UNSET, description="Partner tier.")
    region: Region | None = strawberry.field(default=_UNSET, description="Sales region.")
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from (CRM, ERP, PRM)."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The partner as stored after the write.")
class PartnerPayload:
    partner: Partner = strawberry.field(description="The written partner.")


PartnerResult = Annotated[
    PartnerPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("PartnerResult", description="The partner, or why nothing changed."),
]


@strawberry.input(description="Put a reseller under a distributor (RESELLS_FOR).")
class SetDistributorInput:
    partner_id: strawberry.ID = strawberry.field(description="The reseller.")
    distributor_id: strawberry.ID = strawberry.field(
        description="The distributor above it; a loop in the hierarchy is rejected."
    )


@strawberry.input(description="A reseller to take out from under its distributor.")
class RemoveDistributorInput:
    partner_id: strawberry.ID = strawberry.field(description="The reseller.")
    distributor_id: strawberry.ID = strawberry.field(description="The distributor above it.")


@strawberry.input(description="Two partners whose sharing consent is withdrawn.")
class RevokeSharingConsentInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner that gave consent.")
    with_partner_id: strawberry.ID = strawberry.field(description="The partner it was given to.")


@strawberry.input(description="Consent from one partner to share its data with another.")
class SharingConsentInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner giving consent.")
    with_partner_id: strawberry.ID = strawberry.field(description="The partner receiving it.")
    level: ConsentLevel = strawberry.field(description="How much is shared.")


@strawberry.type(description="The consent as stored after the write.")
class SharingConsentPayload:
    consent: SharingConsent = strawberry.field(description="The written consent.")


SharingConsentResult = Annotated[
    SharingConsentPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("SharingConsentResult", description="The consent, or why nothing changed."),
]


@strawberry.type
class PartnerMutation:
    @strawberry.mutation(
        description="Create a partner or update one (idempotent: the same input twice "
        "leaves one partner and one change entry)."
    )
    async def upsert_partner(
        self,
        info: GqlInfo,
        input: Annotated[PartnerInput, strawberry.argument(description="The partner's fields.")],
    ) -> PartnerResult:
        return await upsert_record(
            info,
            "Partner",
            input_data(input),
            q.PARTNER_BY_IDS,
            payload(PartnerPayload, partner=Partner.from_record),
        )

    @strawberry.mutation(
        description="Delete a partner. A partner whose partnerships have credited deals "
        "answers ConflictError unless `cascade: true` is given."
    )
    async def delete_partner(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which partner.")],
    ) -> DeleteResult:
        return await delete_record(info, "Partner", input)

    @strawberry.mutation(
        description="Put a reseller under a distributor (multi-tier distribution). "
        "A cycle in the hierarchy answers ValidationError."
    )
    async def set_distributor(
        self,
        info: GqlInfo,
        input: Annotated[
            SetDistributorInput, strawberry.argument(description="Reseller and distributor.")
        ],
    ) -> PartnerResult:
        return await upsert_record(
            info,
            "ResellsFor",
            input_data(input),
            q.PARTNER_BY_IDS,
            payload(PartnerPayload, partner=Partner.from_record),
            read_id=str(input.partner_id),
        )

    @strawberry.mutation(description="Set the data-sharing consent between two partners.")
    async def set_sharing_consent(
        self,
        info: GqlInfo,
        input: Annotated[
            SharingConsentInput, strawberry.argument(description="Who shares what with whom.")
        ],
    ) -> SharingConsentResult:
        data = input_data(input)

        async def then(stored: dict[str, Any]) -> SharingConsentPayload:
            return SharingConsentPayload(consent=SharingConsent.from_record({**data, **stored}))

        return await write(info, "SharesWith", data, then)

    @strawberry.mutation(description="Take a reseller out from under its distributor.")
    async def remove_distributor(
        self,
        info: GqlInfo,
        input: Annotated[
            RemoveDistributorInput, strawberry.argument(description="Reseller and distributor.")
        ],
    ) -> UnlinkResult:
        return await unlink_record(
            info, "ResellsFor", input_data(input), "partnerId", "distributorId"
        )

    @strawberry.mutation(description="Withdraw a partner's data-sharing consent.")
    async def revoke_sharing_consent(
        self,
        info: GqlInfo,
        input: Annotated[
            RevokeSharingConsentInput, strawberry.argument(description="The two partners.")
        ],
    ) -> UnlinkResult:
        return await unlink_record(
            info, "SharesWith", input_data(input), "partnerId", "withPartnerId"
        )
