"""Lead writes, and converting a lead into a deal."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated

import strawberry

from graph_api.deals.mutations import DealInput
from graph_api.deals.statements import DEAL_BY_IDS
from graph_api.deals.types import Deal
from graph_api.errors import (
    Conflict,
    ConflictError,
    EntityNotFound,
    NotFoundError,
    ValidationError,
)
from graph_api.leads import statements as q
from graph_api.leads.types import Lead
from graph_api.reading import GqlInfo, read_one_fresh
from graph_api.values import as_date
from graph_api.vocabulary import LeadStatus
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    delete_record,
    guarded,
    input_data,
    payload,
    upsert_all,
    upsert_record,
)

_UNSET = strawberry.UNSET


@strawberry.input(
    description="A lead to create or update; omitted fields keep their stored values. "
    "name is required when creating."
)
class LeadInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET,
        description="Id to create or update; generated when omitted. Partner tokens name "
        "their own records, or pick a new id as `<partner id>:<key>` so that a retry "
        "updates instead of creating another.",
    )
    name: str | None = strawberry.field(default=_UNSET, description="Name of the lead.")
    email: str | None = strawberry.field(default=_UNSET, description="Email address.")
    company: str | None = strawberry.field(default=_UNSET, description="Company name as given.")
    status: LeadStatus | None = strawberry.field(
        default=_UNSET, description="Lifecycle state (default NEW)."
    )
    partnership_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The partnership that referred the lead."
    )
    converted_deal_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The deal it converted to (prefer convertLead)."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=_UNSET,
        description="The existing customer account the lead concerns; convertLead gives its "
        "deal this customer. Partner tokens may name only customers they can see.",
    )
    created_date: date | None = strawberry.field(default=_UNSET, description="Came in on.")
    converted_date: date | None = strawberry.field(default=_UNSET, description="Converted on.")
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The lead as stored after the write.")
class LeadPayload:
    lead: Lead = strawberry.field(description="The written lead.")


LeadResult = Annotated[
    LeadPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("LeadResult", description="The lead, or why nothing changed."),
]


@strawberry.input(description="Convert a lead into a deal.")
class ConvertLeadInput:
    lead_id: strawberry.ID = strawberry.field(description="The lead to convert.")
    deal: DealInput = strawberry.field(
        description="The deal it becomes: an existing deal's id to link it, or the fields of "
        "a new deal (name and amount required). Without an id, a lead already converted "
        "keeps its deal, so retries are idempotent. Without a customerId, a deal that has "
        "no customer yet gets the lead's customer."
    )
    converted_date: date | None = strawberry.field(
        default=_UNSET, description="Converted on (default: kept if set, else today)."
    )


@strawberry.type(description="The converted lead and its deal.")
class ConvertLeadPayload:
    lead: Lead = strawberry.field(description="The lead, now CONVERTED.")
    deal: Deal | None = strawberry.field(description="The deal; null when outside your scope.")


ConvertLeadResult = Annotated[
    ConvertLeadPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("ConvertLeadResult", description="The conversion, or why not."),
]


@strawberry.type
class LeadMutation:
    @strawberry.mutation(description="Create a lead or update one (idempotent).")
    async def upsert_lead(
        self,
        info: GqlInfo,
        input: Annotated[LeadInput, strawberry.argument(description="The lead's fields.")],
    ) -> LeadResult:
        return await upsert_record(
            info,
            "Lead",
            input_data(input),
            q.LEAD_BY_IDS,
            payload(LeadPayload, lead=Lead.from_record),
        )

    @strawberry.mutation(description="Delete a lead.")
    async def delete_lead(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which lead.")],
    ) -> DeleteResult:
        return await delete_record(info, "Lead", input)

    @strawberry.mutation(
        description="Convert a lead: create or link its deal and mark the lead CONVERTED, "
        "in one transaction. A lead converted to a different deal answers ConflictError."
    )
    async def convert_lead(
        self,
        info: GqlInfo,
        input: Annotated[ConvertLeadInput, strawberry.argument(description="Lead and deal.")],
    ) -> ConvertLeadResult:
        ctx = info.context
        lead_id = str(input.lead_id)

        async def work() -> ConvertLeadPayload:
            lead = await read_one_fresh(ctx, q.LEAD_BY_IDS, lead_id)
            if lead is None:
                raise EntityNotFound("Lead", lead_id)
            deal_data = input_data(input.deal)
            current = lead.get("convertedDealId")
            new_deal = not deal_data.get("id") and current is None
            deal_id = str(deal_data.get("id") or current or uuid.uuid4().hex)
            if current is not None and current != deal_id:
                raise Conflict(
                    f"lead {lead_id!r} was already converted to deal {current!r}; "
                    "link that deal or leave the deal id out"
                )
            deal_data["id"] = deal_id
            if "customerId" not in deal_data and lead.get("customerId") is not None:
                # The lead names the account: its deal is for that customer, unless the
                # deal already has one of its own (a deal under a generated id has none).
                existing = None if new_deal else await read_one_fresh(ctx, DEAL_BY_IDS, deal_id)
                if existing is None or existing.get("customerId") is None:
                    deal_data["customerId"] = lead["customerId"]
            converted = input.converted_date
            if not isinstance(converted, date):
                converted = as_date(lead.get("convertedDate")) or datetime.now(UTC).date()
            lead_data = {
                "id": lead_id,
                "status": LeadStatus.CONVERTED.value,
                "convertedDealId": deal_id,
                "convertedDate": converted.isoformat(),
            }
            deal, _ = await upsert_all(
                info,
                [("Deal", deal_data), ("Lead", lead_data)],
                # The write path numbers the two records: 0 is the deal, 1 the lead.
                error_path=lambda path: ["deal" if path[:1] == ["0"] else "lead", *path[1:]],
            )
            lead_row = await read_one_fresh(ctx, q.LEAD_BY_IDS, lead_id)
            # The stored deal is what its read would answer (with the lead just linked);
            # a scoped caller still reads it, to see it only when in scope.
            deal_row = (
                {**deal, "leadId": lead_id}
                if ctx.scope is None
                else await read_one_fresh(ctx, DEAL_BY_IDS, deal_id)
            )
            return ConvertLeadPayload(
                lead=Lead.from_record(lead_row or {**lead, **lead_data}),
                deal=Deal.from_record(deal_row) if deal_row else None,
            )

        return await guarded(work)
