"""Result types of challenges."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from graph_api.intelligence.refs import PartnerRef
from graph_api.leaderboards.standings import LeaderboardMetric, Standing
from graph_api.values import as_date, as_datetime
from graph_api.vocabulary import PartnerTier, Region


@strawberry.type(description="Where one partner stands in a challenge.")
class ChallengeProgress:
    partner: PartnerRef = strawberry.field(description="The participant.")
    rank: int | None = strawberry.field(
        description="Its rank among all participants (ties share a rank: 1, 1, 3)."
    )
    value: float | None = strawberry.field(description="Its value of the metric so far.")
    progress: float | None = strawberry.field(description="value / target.")
    reached: bool = strawberry.field(description="The target was reached (and recorded).")
    reached_at: dt.datetime | None = strawberry.field(description="When it was recorded.")

    @classmethod
    def of(cls, s: Standing, target: float, reached: dict[str, Any]) -> ChallengeProgress:
        mine = reached.get(str(s.partner["id"]))
        return cls(
            partner=PartnerRef.of(s.partner),
            rank=s.rank,
            value=s.value,
            progress=None if s.value is None or not target else round(s.value / target, 6),
            reached=mine is not None,
            reached_at=as_datetime(mine["at"]) if mine is not None else None,
        )


@strawberry.type(description="A target on a leaderboard metric, for a period and a population.")
class Challenge:
    id: strawberry.ID = strawberry.field(description="Stable id of the challenge.")
    name: str = strawberry.field(description="Display name.")
    metric: LeaderboardMetric = strawberry.field(description="What is measured.")
    from_: dt.date = strawberry.field(name="from", description="First day (inclusive).")
    to: dt.date = strawberry.field(description="Last day (inclusive).")
    target: float = strawberry.field(description="The value each participant aims for.")
    tier: PartnerTier | None = strawberry.field(description="Only partners of this tier.")
    region: Region | None = strawberry.field(description="Only partners of this region.")
    program_id: strawberry.ID | None = strawberry.field(
        description="Only partners with a partnership in this program."
    )
    created_at: dt.datetime | None = strawberry.field(description="When it was defined.")
    updated_at: dt.datetime | None = strawberry.field(description="When it last changed.")
    participants: list[ChallengeProgress] = strawberry.field(
        description="The participants you may see, best first: every one for admins and "
        "analysts; for a partner, itself (and the partners below it)."
    )
    you: ChallengeProgress | None = strawberry.field(
        description="Your own progress (partner tokens); null when you do not take part."
    )

    @classmethod
    def of(
        cls,
        row: dict[str, Any],
        ranked: list[Standing],
        scope: list[str] | None,
        viewer: str | None,
    ) -> Challenge:
        target = float(row["target"])
        reached = {str(r["partnerId"]): r for r in row.get("reached") or []}
        seen = [s for s in ranked if scope is None or s.partner["id"] in scope]
        mine = next((s for s in seen if s.partner["id"] == viewer), None)
        start, end = as_date(row["periodStart"]), as_date(row["periodEnd"])
        assert start is not None and end is not None
        return cls(
            id=strawberry.ID(str(row["id"])),
            name=str(row["name"]),
            metric=LeaderboardMetric(row["metric"]),
            from_=start,
            to=end,
            target=target,
            tier=PartnerTier(row["tier"]) if row.get("tier") else None,
            region=Region(row["region"]) if row.get("region") else None,
            program_id=strawberry.ID(row["programId"]) if row.get("programId") else None,
            created_at=as_datetime(row.get("createdAt")),
            updated_at=as_datetime(row.get("updatedAt")),
            participants=[ChallengeProgress.of(s, target, reached) for s in seen],
            you=ChallengeProgress.of(mine, target, reached) if mine is not None else None,
        )
