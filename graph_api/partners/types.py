from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="A company in the partner ecosystem.")
class Partner:
    id: strawberry.ID = strawberry.field(description="Stable id of the partner.")
    name: str = strawberry.field(description="Display name.")
    domain: str | None = strawberry.field(description="Normalized web domain, e.g. acme.com.")
    kind: str | None = strawberry.field(description="Partner kind, e.g. reseller or referral.")
    tier: str | None = strawberry.field(description="Program tier, e.g. gold.")
    region: str | None = strawberry.field(description="Sales region, e.g. EMEA.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Partner:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or "",
            domain=row.get("domain"),
            kind=row.get("kind"),
            tier=row.get("tier"),
            region=row.get("region"),
        )
