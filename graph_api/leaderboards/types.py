"""Result and argument types of ``leaderboard``."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph_api.intelligence.refs import PartnerRef
from graph_api.leaderboards.standings import LeaderboardMetric, Standing
from graph_api.pagination import Connection, build_connection, page_args
from graph_api.reading import After, First
from graph_api.vocabulary import PartnerTier, Region


@strawberry.input(description="Which partners compete; every given filter applies.")
class LeaderboardScope:
    tier: PartnerTier | None = strawberry.field(default=None, description="Only this tier.")
    region: Region | None = strawberry.field(default=None, description="Only this region.")
    program_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only partners with a partnership in this program."
    )


@strawberry.type(description="One place of a leaderboard.")
class LeaderboardEntry:
    rank: int | None = strawberry.field(
        description="1 for the highest value; tied partners share a rank and the next rank "
        "skips (1, 2, 2, 4); null when the partner has no value (a win rate without "
        "closed deals)."
    )
    tied: bool = strawberry.field(description="Another partner has the same value.")
    label: str = strawberry.field(
        description="The partner's name where you may see it, else `Partner #<rank>`."
    )
    partner: PartnerRef | None = strawberry.field(
        description="Who it is: you, a partner in your scope, or one that shares at least "
        "overlaps with you; null otherwise."
    )
    value: float | None = strawberry.field(
        description="Its value of the metric; null for partners you may not see."
    )
    is_you: bool = strawberry.field(description="This is your own place.")

    @classmethod
    def of(cls, s: Standing, viewer: str | None) -> LeaderboardEntry:
        you = viewer is not None and s.partner["id"] == viewer
        if s.named:
            label = str(s.partner.get("name") or s.partner["id"])
        else:
            label = f"Partner #{s.rank}" if s.rank is not None else "Unranked partner"
        return cls(
            rank=s.rank,
            tied=s.tied,
            label=label,
            partner=PartnerRef.of(s.partner) if s.named else None,
            value=s.value if s.named else None,
            is_you=you,
        )


@strawberry.type(description="A rank held by several partners.")
class LeaderboardTie:
    rank: int = strawberry.field(description="The shared rank.")
    partners: int = strawberry.field(description="How many partners hold it.")


@strawberry.type(description="Partners ranked on a metric over a period.")
class Leaderboard:
    metric: LeaderboardMetric = strawberry.field(description="What is ranked.")
    from_: dt.date = strawberry.field(name="from", description="First day (inclusive).")
    to: dt.date = strawberry.field(description="Last day (inclusive).")
    partners: int = strawberry.field(description="Partners competing.")
    ranked: int = strawberry.field(description="Of them, with a value (and so a rank).")
    ties: list[LeaderboardTie] = strawberry.field(description="Ranks held by several partners.")
    you: LeaderboardEntry | None = strawberry.field(
        description="Your own place (partner tokens), null when you do not compete."
    )
    standings: strawberry.Private[list[Standing]]
    viewer: strawberry.Private[str | None]

    @strawberry.field(description="The places, best first (ties in a stable order).")
    def entries(self, first: First = 50, after: After = None) -> Connection[LeaderboardEntry]:
        page = page_args(first, after)
        rows = self.standings[page.skip : page.skip + page.limit]
        return build_connection(
            rows, len(self.standings), page, lambda s: LeaderboardEntry.of(s, self.viewer)
        )

    @classmethod
    def of(
        cls,
        metric: LeaderboardMetric,
        start: dt.date,
        end: dt.date,
        standings: list[Standing],
        viewer: str | None,
    ) -> Leaderboard:
        held: dict[int, int] = {}
        for s in standings:
            if s.rank is not None:
                held[s.rank] = held.get(s.rank, 0) + 1
        mine = next(
            (s for s in standings if viewer is not None and s.partner["id"] == viewer), None
        )
        return cls(
            metric=metric,
            from_=start,
            to=end,
            partners=len(standings),
            ranked=sum(held.values()),
            ties=[LeaderboardTie(rank=r, partners=n) for r, n in sorted(held.items()) if n > 1],
            you=LeaderboardEntry.of(mine, viewer) if mine is not None else None,
            standings=standings,
            viewer=viewer,
        )
