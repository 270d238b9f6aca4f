"""Customer writes, and which partners serve which customers."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from graph_api.customers import statements as q
from graph_api.customers.types import Customer
from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.partners.statements import PARTNER_BY_IDS
from graph_api.partners.types import Partner
from graph_api.reading import GqlInfo, Row, read_one_fresh
from graph_api.values import as_date
from graph_api.vocabulary import CustomerSize, Region
from graph_api.writing import (
    DeleteInput,
    DeleteResult,
    UnlinkResult,
    WriteError,
    delete_record,
    input_data,
    payload,
    unlink_record,
    upsert_record,
    write,
)

_UNSET = strawberry.UNSET


@strawberry.input(
    description="A customer to create or update. Matched by id, else by sourceSystem + "
    "externalId, else by domain; omitted fields keep their stored values. name is required "
    "when creating."
)
class CustomerInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    name: str | None = strawberry.field(default=_UNSET, description="Display name.")
    domain: str | None = strawberry.field(
        default=_UNSET, description="Web domain; normalized (case, scheme, www.)."
    )
    industry: str | None = strawberry.field(default=_UNSET, description="Industry, free text.")
    region: Region | None = strawberry.field(default=_UNSET, description="Sales region.")
    size: CustomerSize | None = strawberry.field(default=_UNSET, description="Account size.")
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The customer as stored after the write.")
class CustomerPayload:
    customer: Customer = strawberry.field(description="The written customer.")


CustomerResult = Annotated[
    CustomerPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("CustomerResult", description="The customer, or why nothing changed."),
]


@strawberry.input(description="Record that a partner serves a customer (its book of accounts).")
class LinkPartnerCustomerInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    customer_id: strawberry.ID = strawberry.field(description="The customer it serves.")
    since: date | None = strawberry.field(
        default=_UNSET, description="Since when the partner serves the customer."
    )


@strawberry.input(description="A partner and a customer it serves.")
class PartnerCustomerInput:
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    customer_id: strawberry.ID = strawberry.field(description="The customer.")


@strawberry.type(description="A partner and a customer it serves, after the write.")
class PartnerCustomerPayload:
    partner: Partner | None = strawberry.field(
        description="The partner; null when outside your scope."
    )
    customer: Customer | None = strawberry.field(
        description="The customer; null when outside your scope."
    )
    since: date | None = strawberry.field(description="Since when it is served.")


PartnerCustomerResult = Annotated[
    PartnerCustomerPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("PartnerCustomerResult", description="The link, or why nothing changed."),
]


@strawberry.type
class CustomerMutation:
    @strawberry.mutation(description="Create a customer or update one (idempotent).")
    async def upsert_customer(
        self,
        info: GqlInfo,
        input: Annotated[CustomerInput, strawberry.argument(description="The customer's fields.")],
    ) -> CustomerResult:
        return await upsert_record(
            info,
            "Customer",
            input_data(input),
            q.CUSTOMER_BY_IDS,
            payload(CustomerPayload, customer=Customer.from_record),
        )

    @strawberry.mutation(
        description="Delete a customer. One with deals answers ConflictError unless "
        "`cascade: true` (its contacts go; its deals stay, without a customer)."
    )
    async def delete_customer(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which customer.")],
    ) -> DeleteResult:
        return await delete_record(info, "Customer", input)

    @strawberry.mutation(description="Link a partner to a customer it serves (idempotent).")
    async def link_partner_customer(
        self,
        info: GqlInfo,
        input: Annotated[
            LinkPartnerCustomerInput, strawberry.argument(description="Partner and customer.")
        ],
    ) -> PartnerCustomerResult:
        async def then(stored: Row) -> PartnerCustomerPayload:
            partner = await read_one_fresh(info.context, PARTNER_BY_IDS, str(input.partner_id))
            customer = await read_one_fresh(info.context, q.CUSTOMER_BY_IDS, str(input.customer_id))
            since = stored.get("since")
            return PartnerCustomerPayload(
                partner=Partner.from_record(partner) if partner else None,
                customer=Customer.from_record(customer) if customer else None,
                since=as_date(since),
            )

        result: PartnerCustomerPayload | WriteError = await write(
            info, "Serves", input_data(input), then
        )
        return result

    @strawberry.mutation(description="Record that a partner no longer serves a customer.")
    async def unlink_partner_customer(
        self,
        info: GqlInfo,
        input: Annotated[
            PartnerCustomerInput, strawberry.argument(description="Partner and customer.")
        ],
    ) -> UnlinkResult:
        return await unlink_record(info, "Serves", input_data(input), "partnerId", "customerId")
