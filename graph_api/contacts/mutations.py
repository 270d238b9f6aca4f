"""Contact writes."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api.contacts import statements as q
from graph_api.contacts.types import Contact
from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.reading import GqlInfo
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
    description="A contact to create or update; omitted fields keep their stored values. "
    "name is required when creating."
)
class ContactInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET,
        description="Id to create or update; generated when omitted. Partner tokens name "
        "their own records, or pick a new id as `<partner id>:<key>` so that a retry "
        "updates instead of creating another.",
    )
    name: str | None = strawberry.field(default=_UNSET, description="Full name.")
    email: str | None = strawberry.field(default=_UNSET, description="Email address.")
    title: str | None = strawberry.field(default=_UNSET, description="Job title.")
    customer_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The customer this person works at."
    )
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The contact as stored after the write.")
class ContactPayload:
    contact: Contact = strawberry.field(description="The written contact.")


ContactResult = Annotated[
    ContactPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("ContactResult", description="The contact, or why nothing changed."),
]


@strawberry.type
class ContactMutation:
    @strawberry.mutation(description="Create a contact or update one (idempotent).")
    async def upsert_contact(
        self,
        info: GqlInfo,
        input: Annotated[ContactInput, strawberry.argument(description="The contact's fields.")],
    ) -> ContactResult:
        return await upsert_record(
            info,
            "Contact",
            input_data(input),
            q.CONTACT_BY_IDS,
            payload(ContactPayload, contact=Contact.from_record),
        )

    @strawberry.mutation(description="Delete a contact.")
    async def delete_contact(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which contact.")],
    ) -> DeleteResult:
        return await delete_record(info, "Contact", input)
