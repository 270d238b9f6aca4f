"""Challenge reads: definitions with each visible participant's progress."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph_api.challenges import progress as p
from graph_api.challenges.types import Challenge
from graph_api.intelligence.common import check_count, check_id
from graph_api.reading import GqlInfo

MAX_LIST = 100


async def _challenges(info: GqlInfo, ids: list[str] | None, limit: int) -> list[Challenge]:
    """Two round trips: the definitions, then every participant's value for all of them.
    A partner sees the challenges it (or a partner below it) takes part in."""
    ctx = info.context
    rows = await p.load(ctx.store, ids, limit)
    ranked = await p.progress(ctx.store, rows)
    viewer = ctx.principal.partner_id if ctx.principal.is_partner else None
    result = [Challenge.of(row, ranked[str(row["id"])], ctx.scope, viewer) for row in rows]
    return [c for c in result if ctx.scope is None or c.participants]


@strawberry.type
class ChallengeQuery:
    @strawberry.field(
        description="One challenge with your progress; null when it does not exist or you "
        "do not take part."
    )
    async def challenge(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The challenge's id.")],
    ) -> Challenge | None:
        found = await _challenges(info, [check_id(id, "id")], 1)
        return found[0] if found else None

    @strawberry.field(
        description="Challenges, latest period first, with the progress you may see; a "
        "partner sees those it takes part in."
    )
    async def challenges(
        self,
        info: GqlInfo,
        first: Annotated[int, strawberry.argument(description=f"How many (1 to {MAX_LIST}).")] = 20,
    ) -> list[Challenge]:
        return await _challenges(info, None, check_count(first, "first", MAX_LIST))
