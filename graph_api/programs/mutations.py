"""Program writes."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.programs import statements as q
from graph_api.programs.types import Program
from graph_api.reading import GqlInfo
from graph_api.vocabulary import CommissionType, ProgramKind
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
    description="A program to create or update; omitted fields keep their stored values. "
    "name and commissionType are required when creating."
)
class ProgramInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    name: str | None = strawberry.field(default=_UNSET, description="Display name.")
    kind: ProgramKind | None = strawberry.field(
        default=_UNSET, description="What kind of program it is."
    )
    commission_type: CommissionType | None = strawberry.field(
        default=_UNSET, description="How the program pays commission."
    )
    commission_rate: float | None = strawberry.field(
        default=_UNSET, description="Share of won deal value paid, 0 to 1 (PERCENT_OF_DEAL)."
    )
    flat_amount: float | None = strawberry.field(
        default=_UNSET, description="Amount per converted lead, not negative (PER_LEAD)."
    )
    currency: str | None = strawberry.field(
        default=_UNSET, description="ISO 4217 currency code (normalized to upper case)."
    )
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The program as stored after the write.")
class ProgramPayload:
    program: Program = strawberry.field(description="The written program.")


ProgramResult = Annotated[
    ProgramPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("ProgramResult", description="The program, or why nothing changed."),
]


@strawberry.type
class ProgramMutation:
    @strawberry.mutation(description="Create a program or update one (idempotent).")
    async def upsert_program(
        self,
        info: GqlInfo,
        input: Annotated[ProgramInput, strawberry.argument(description="The program's fields.")],
    ) -> ProgramResult:
        return await upsert_record(
            info,
            "Program",
            input_data(input),
            q.PROGRAM_BY_IDS,
            payload(ProgramPayload, program=Program.from_record),
        )

    @strawberry.mutation(
        description="Delete a program. One with enrolled partnerships answers ConflictError "
        "unless `cascade: true`, which removes the partnerships too."
    )
    async def delete_program(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which program.")],
    ) -> DeleteResult:
        return await delete_record(info, "Program", input)
