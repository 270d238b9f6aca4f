from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry

from graph_api.goals import statements as q
from graph_api.goals.types import Goal
from graph_api.pagination import Connection
from graph_api.reading import After, Direction, First, GqlInfo, SortDirection, load_one, top_page
from graph_api.selection import list_selection
from graph_api.values import enum_value
from graph_api.vocabulary import GoalMetric


@strawberry.enum(description="Fields goals can be sorted on; ties break on id.")
class GoalSort(Enum):
    PERIOD_START = strawberry.enum_value("periodStart", description="By first day of the period.")
    TARGET = strawberry.enum_value("target", description="By target value.")
    CREATED_AT = strawberry.enum_value("createdAt", description="By when the record was created.")


@strawberry.type
class GoalQuery:
    @strawberry.field(description="One goal by id, or null when it does not exist or is hidden.")
    async def goal(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The goal's id.")],
    ) -> Goal | None:
        row = await load_one(info.context, q.GOAL_BY_IDS, id)
        return Goal.from_record(row) if row else None

    @strawberry.field(description="Goals of partners you may see, filtered and sorted.")
    async def goals(
        self,
        info: GqlInfo,
        first: First = 20,
        after: After = None,
        partner_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this partner's goals.")
        ] = None,
        metric: Annotated[
            GoalMetric | None, strawberry.argument(description="Only goals on this metric.")
        ] = None,
        sort: Annotated[GoalSort, strawberry.argument(description="Field to sort on.")] = (
            GoalSort.PERIOD_START
        ),
        direction: Direction = SortDirection.ASC,
    ) -> Connection[Goal]:
        return await top_page(
            info.context,
            q.goal_page_query(info.context.scope, partner_id),
            first,
            after,
            Goal.from_record,
            list_selection(info),
            partnerId=partner_id,
            metric=enum_value(metric),
            sort=sort.value,
            desc=direction is SortDirection.DESC,
        )
