"""The ``leaderboard`` root field."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api.intelligence.common import FromArg, ToArg, check_id, check_period, days
from graph_api.leaderboards.standings import LeaderboardMetric, Population, standings
from graph_api.leaderboards.types import Leaderboard, LeaderboardScope
from graph_api.reading import GqlInfo
from graph_api.values import enum_value


async def leaderboard(
    info: GqlInfo,
    metric: Annotated[LeaderboardMetric, strawberry.argument(description="What to rank.")],
    from_: FromArg,
    to: ToArg,
    scope: Annotated[
        LeaderboardScope | None,
        strawberry.argument(description="Which partners compete; omitted, all of them."),
    ] = None,
) -> Leaderboard:
    ctx = info.context
    start, end = check_period(from_, to)
    days(start, end)  # the period's length is capped like every other period
    within = scope or LeaderboardScope()
    program = check_id(within.program_id, "scope.programId") if within.program_id else None
    population = Population(
        "board", metric, start, end, enum_value(within.tier), enum_value(within.region), program
    )
    viewer = ctx.principal.partner_id if ctx.principal.is_partner else None
    ranked = await standings(ctx.store, [population], viewer, ctx.scope)
    return Leaderboard.of(metric, start, end, ranked["board"], viewer)


@strawberry.type
class LeaderboardQuery:
    leaderboard = strawberry.field(
        resolver=leaderboard,
        description="Partners ranked on a metric over [from, to] (inclusive) within a tier, "
        "region or program. Partner tokens see their own place and value, and the names and "
        "values of partners in their scope or sharing at least overlaps with them; the "
        "others are anonymous (`Partner #<rank>`).",
    )
