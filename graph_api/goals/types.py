from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph_api.partners.statements import PARTNER_BY_IDS
from graph_api.reading import GqlInfo, load_one
from graph_api.values import as_date, as_datetime, as_enum, as_float
from graph_api.vocabulary import GoalMetric

if TYPE_CHECKING:
    from graph_api.partners.types import Partner


@strawberry.type(description="A partner's target for one metric over one period.")
class Goal:
    id: strawberry.ID = strawberry.field(description="Stable id of the goal.")
    metric: GoalMetric | None = strawberry.field(description="What the goal measures.")
    target: float | None = strawberry.field(description="The value to reach in the period.")
    period_start: date | None = strawberry.field(description="First day of the period.")
    period_end: date | None = strawberry.field(description="Last day of the period.")
    source_system: str | None = strawberry.field(description="System the record came from.")
    external_id: str | None = strawberry.field(description="The record's id in sourceSystem.")
    created_at: datetime | None = strawberry.field(description="When the record was created.")
    updated_at: datetime | None = strawberry.field(description="When the record last changed.")
    partner_id: strawberry.ID | None = strawberry.field(description="Id of the partner.")

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Goal:
        return cls(
            id=strawberry.ID(row["id"]),
            metric=as_enum(GoalMetric, row.get("metric")),
            target=as_float(row.get("target")),
            period_start=as_date(row.get("periodStart")),
            period_end=as_date(row.get("periodEnd")),
            source_system=row.get("sourceSystem"),
            external_id=row.get("externalId"),
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            partner_id=row.get("partnerId"),
        )

    @strawberry.field(description="The partner this goal belongs to.")
    async def partner(
        self, info: GqlInfo
    ) -> Annotated[Partner, strawberry.lazy("graph_api.partners.types")] | None:
        from graph_api.partners.types import Partner

        row = await load_one(info.context, PARTNER_BY_IDS, self.partner_id)
        return Partner.from_record(row) if row else None
