"""Small result types that name an entity: enough to label a chart or link to it.

The ``*Ref`` types carry an entity's id and name, plus a few keys; they are
built from the one query result, so they never cost another round trip.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from graph_api.values import as_date


@strawberry.enum(description="How two customer accounts were matched.")
class MatchKind(Enum):
    NODE = strawberry.enum_value("NODE", description="The same customer node.")
    DOMAIN = strawberry.enum_value(
        "DOMAIN", description="Different nodes with the same normalized domain."
    )


@strawberry.type(description="A partner, reduced to what a result needs to show it.")
class PartnerRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the partner.")
    name: str | None = strawberry.field(description="Display name.")
    kind: str | None = strawberry.field(description="Partner kind, e.g. reseller.")
    tier: str | None = strawberry.field(description="Partner tier, e.g. gold.")
    region: str | None = strawberry.field(description="Sales region, e.g. EMEA.")

    @classmethod
    def of(cls, row: dict[str, Any]) -> PartnerRef:
        return cls(
            id=strawberry.ID(str(row["id"])),
            name=row.get("name"),
            kind=row.get("kind"),
            tier=row.get("tier"),
            region=row.get("region"),
        )

    @classmethod
    def maybe(cls, row: dict[str, Any] | None) -> PartnerRef | None:
        return cls.of(row) if row and row.get("id") is not None else None


@strawberry.type(description="An end customer's account, reduced to id, name and domain.")
class CustomerRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the customer.")
    name: str | None = strawberry.field(description="Display name.")
    domain: str | None = strawberry.field(description="Normalized web domain.")

    @classmethod
    def maybe(cls, row: dict[str, Any] | None) -> CustomerRef | None:
        if not row or row.get("id") is None:
            return None
        return cls(id=strawberry.ID(str(row["id"])), name=row.get("name"), domain=row.get("domain"))


@strawberry.type(description="A deal, reduced to the keys a result shows.")
class DealRef:
    id: strawberry.ID = strawberry.field(description="Stable id of the deal.")
    name: str | None = strawberry.field(description="Display name.")
    amount: float | None = strawberry.field(description="Deal value.")
    currency: str | None = strawberry.field(description="ISO currency code of the amount.")
    stage: str | None = strawberry.field(description="Stage, e.g. won (closed won).")
    close_date: dt.date | None = strawberry.field(description="Close date (closed deals).")

    @classmethod
    def of(cls, row: dict[str, Any]) -> DealRef:
        amount = row.get("amount")
        return cls(
            id=strawberry.ID(str(row["id"])),
            name=row.get("name"),
            amount=float(amount) if amount is not None else None,
            currency=row.get("currency"),
            stage=row.get("stage"),
            close_date=as_date(row.get("closeDate")),
        )

    @classmethod
    def maybe(cls, row: dict[str, Any] | None) -> DealRef | None:
        return cls.of(row) if row and row.get("id") is not None else None
