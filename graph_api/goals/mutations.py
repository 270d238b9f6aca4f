"""Goal writes."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from graph_api.errors import ConflictError, NotFoundError, ValidationError
from graph_api.goals import statements as q
from graph_api.goals.types import Goal
from graph_api.reading import GqlInfo
from graph_api.vocabulary import GoalMetric
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
    description="A goal to create or update; omitted fields keep their stored values. "
    "partnerId, metric, target, periodStart and periodEnd are required when creating."
)
class GoalInput:
    id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="Id to create or update; generated when omitted."
    )
    partner_id: strawberry.ID | None = strawberry.field(
        default=_UNSET, description="The partner the goal belongs to."
    )
    metric: GoalMetric | None = strawberry.field(default=_UNSET, description="What it measures.")
    target: float | None = strawberry.field(
        default=_UNSET, description="Value to reach; not negative."
    )
    period_start: date | None = strawberry.field(default=_UNSET, description="First day.")
    period_end: date | None = strawberry.field(default=_UNSET, description="Last day.")
    source_system: str | None = strawberry.field(
        default=_UNSET, description="System the record comes from."
    )
    external_id: str | None = strawberry.field(
        default=_UNSET, description="The record's id in sourceSystem."
    )


@strawberry.type(description="The goal as stored after the write.")
class GoalPayload:
    goal: Goal = strawberry.field(description="The written goal.")


GoalResult = Annotated[
    GoalPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("GoalResult", description="The goal, or why nothing changed."),
]


@strawberry.type
class GoalMutation:
    @strawberry.mutation(description="Create a goal or update one (idempotent).")
    async def upsert_goal(
        self,
        info: GqlInfo,
        input: Annotated[GoalInput, strawberry.argument(description="The goal's fields.")],
    ) -> GoalResult:
        return await upsert_record(
            info,
            "Goal",
            input_data(input),
            q.GOAL_BY_IDS,
            payload(GoalPayload, goal=Goal.from_record),
        )

    @strawberry.mutation(description="Delete a goal.")
    async def delete_goal(
        self,
        info: GqlInfo,
        input: Annotated[DeleteInput, strawberry.argument(description="Which goal.")],
    ) -> DeleteResult:
        return await delete_record(info, "Goal", input)
