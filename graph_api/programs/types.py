from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.pagination import Connection
from graph_api.programs import statements as q
from graph_api.reading import After, First, GqlInfo, nested
from graph_api.values import as_datetime, as_enum, as_float
from graph_api.vocabulary import CommissionType, ProgramKind

if TYPE_CHECKING:
    from graph_api.partnerships.types import Partnership


@strawberry.type(description="A partner program with its commission terms.")
class Program:
    id: strawberry.ID = strawberry.field(description="Stable id of the program.")
    name: str = strawberry.field(description="Display name, e.g. Reseller.")
    kind: ProgramKind | None = strawberry.field(
        description="What kind of program it is (reseller, referral, technology, ...)."
    )
    commission_type: CommissionType | None = strawberry.field(
        description="PERCENT_OF_DEAL pays commissionRate of won, attributed deals; "
        "PER_LEAD pays flatAmount per converted lead."
    )
    commission_rate: float | None = strawberry.field(
        description="Share of deal value paid, 0 to 1 (PERCENT_OF_DEAL programs)."
    )
    flat_amount: float | None = strawberry.field(
        description="Amount paid per converted lead (PER_LEAD programs)."
    )
    currency: str | None = strawberry.field(description="ISO 4217 code of flatAmount.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Program:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            kind=as_enum(ProgramKind, row.get("kind")),
            commission_type=as_enum(CommissionType, row.get("commissionType")),
            commission_rate=as_float(row.get("commissionRate")),
            flat_amount=as_float(row.get("flatAmount")),
            currency=row.get("currency"),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
        )

    @strawberry.field(description="Memberships of this program (only partners you may see).")
    async def partnerships(
        self, info: GqlInfo, first: First = 20, after: After = None
    ) -> Connection[Annotated[Partnership, strawberry.lazy("graph_api.partnerships.types")]]:
        from graph_api.partnerships.types import Partnership

        return await nested(
            info, q.PROGRAM_PARTNERSHIPS, self.id, first, after, Partnership.from_record
        )
