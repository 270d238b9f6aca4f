"""Ranking: each partner's value of a metric, in competition ranking ("1224").

Partners with equal values share a rank and the next rank skips as many places;
a partner without a value (a win rate with no closed deal) is unranked and
listed last. Within a rank, order is by partner id, so pages are stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry

from graph_api.leaderboards.statements import STANDINGS
from graph_api.store import Store


@strawberry.enum(description="What a leaderboard or challenge measures over its period.")
class LeaderboardMetric(Enum):
    WON_VALUE = strawberry.enum_value(
        "won_value", description="Sum of the amounts of credited deals won."
    )
    REGISTERED_DEALS = strawberry.enum_value(
        "registered_deals", description="Deals its partnerships registered."
    )
    CO_SELL_WINS = strawberry.enum_value(
        "co_sell_wins", description="Credited deals won with another partner credited too."
    )
    CERTIFICATIONS = strawberry.enum_value(
        "certifications",
        description="Certifications issued to contacts working for the partner (0 until "
        "certification data exists).",
    )
    WIN_RATE = strawberry.enum_value(
        "win_rate", description="Won / closed credited deals; unranked with none closed."
    )


@dataclass(frozen=True)
class Standing:
    partner: dict[str, Any]
    value: float | None
    named: bool  # the viewer may see who this is
    rank: int | None = None
    tied: bool = False
    position: int = 0  # 1-based place in the list


def rank(rows: list[Standing]) -> list[Standing]:
    """Competition ranking by value, highest first; ties share the rank."""
    ranked = sorted(
        rows,
        key=lambda s: (s.value is None, -(s.value or 0.0), str(s.partner["id"])),
    )
    counts: dict[float, int] = {}
    for s in ranked:
        if s.value is not None:
            counts[s.value] = counts.get(s.value, 0) + 1
    result = []
    first_at: dict[float, int] = {}  # sorted: a value's rank is where it first appears
    for position, s in enumerate(ranked, start=1):
        if s.value is None:
            result.append(Standing(s.partner, None, s.named, None, False, position))
            continue
        first = first_at.setdefault(s.value, position)
        result.append(Standing(s.partner, s.value, s.named, first, counts[s.value] > 1, position))
    return result


@dataclass(frozen=True)
class Population:
    """Who competes on what: partners of a tier, region and program (None: any)."""

    key: str
    metric: LeaderboardMetric
    start: dt.date
    end: dt.date
    tier: str | None = None
    region: str | None = None
    program_id: str | None = None

    def params(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "metric": self.metric.value,
            "from": self.start,
            "to": self.end,
            "tier": self.tier,
            "region": self.region,
            "programId": self.program_id,
        }


async def standings(
    store: Store,
    populations: list[Population],
    viewer: str | None = None,
    scope: list[str] | None = None,
    members: list[str] | None = None,
) -> dict[str, list[Standing]]:
    """Each population's partners (those of ``members`` only, unless None) ranked by
    value, in one statement. ``named`` says whether ``viewer`` may see who a partner is;
    every partner is named for an unrestricted caller (``scope`` None)."""
    rows = await store.read(
        STANDINGS,
        populations=[p.params() for p in populations],
        viewer=viewer,
        scope=scope,
        members=members,
    )
    found: dict[str, list[Standing]] = {p.key: [] for p in populations}
    for r in rows:
        found[str(r["key"])].append(
            Standing(
                partner=dict(r["partner"]),
                value=None if r["value"] is None else round(float(r["value"]), 6),
                named=scope is None or bool(r["named"]),
            )
        )
    return {key: rank(rows) for key, rows in found.items()}
