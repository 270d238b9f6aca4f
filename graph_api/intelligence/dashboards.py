"""The partner dashboard: one partner's period, folded into one traversal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import ToArg, check_id, check_period, ratio
from graph_api.intelligence.earnings import declared_credit, earnings
from graph_api.intelligence.types import (
    CoSeller,
    DistributorRollup,
    GoalProgress,
    PartnerDashboard,
    PartnerRef,
    PeerBenchmark,
    RollupChild,
    StageBucket,
)
from graph_api.values import as_date

PARTNER_DASHBOARD = named("queries/intel_partner_dashboard")


def percentile_below(mine: float | None, others: list[float]) -> float | None:
    """Percent of ``others`` strictly below ``mine`` (ties are not below); None if empty."""
    if mine is None or not others:
        return None
    below = sum(1 for value in others if value < mine)
    return round(100.0 * below / len(others), 4)


def peer_benchmark(row: dict[str, Any], won_value: float, win_rate: float | None) -> PeerBenchmark:
    peers = row["peers"]
    rates = [
        r for r in (ratio(float(p["won"]), float(p["closed"])) for p in peers) if r is not None
    ]
    return PeerBenchmark(
        tier=row["partner"].get("tier"),
        peers=len(peers),
        won_value_percentile=percentile_below(won_value, [float(p["wonValue"]) for p in peers]),
        win_rate_percentile=percentile_below(win_rate, rates),
    )


def rollup(children: list[dict[str, Any]]) -> DistributorRollup | None:
    if not children:
        return None
    items = [
        RollupChild(
            partner=PartnerRef.of(c["partner"]),
            parent_id=strawberry.ID(str(c["parentId"])) if c["parentId"] is not None else None,
            depth=int(c["depth"]),
            won_value=float(c["wonValue"]),
            won_deals=int(c["wonDeals"]),
            closed_deals=int(c["closedDeals"]),
        )
        for c in children
    ]
    return DistributorRollup(
        partners=len(items),
        won_value=float(sum(Decimal(str(c.won_value)) for c in items)),
        won_deals=sum(c.won_deals for c in items),
        closed_deals=sum(c.closed_deals for c in items),
        children=items,
    )


def outcomes(row: dict[str, Any]) -> list[StageBucket]:
    """Credited deals closed in the period, lost then won (as the pipeline, by stage name);
    an outcome with no deals is left out."""
    won = int(row["wonDeals"])
    lost = int(row["closedDeals"]) - won
    buckets = [
        StageBucket(stage="lost", count=lost, value=float(row["lostValue"])),
        StageBucket(stage="won", count=won, value=float(row["wonValue"])),
    ]
    return [b for b in buckets if b.count]


async def partner_dashboard(
    info: Info[RequestContext, None],
    partner_id: Annotated[
        strawberry.ID, strawberry.argument(description="Stable id of the partner.")
    ],
    from_: Annotated[
        dt.date,
        strawberry.argument(name="from", description="First day of the period (inclusive)."),
    ],
    to: ToArg,
) -> PartnerDashboard | None:
    ctx = info.context
    key = check_id(partner_id, "partnerId")
    start, end = check_period(from_, to)
    row = await ctx.store.read_one(
        PARTNER_DASHBOARD, partnerId=key, scope=ctx.scope, to=end, **{"from": start}
    )
    if row is None:
        return None
    inputs = {"partnerships": row["partnerships"], "deals": row["deals"], "leads": row["leadLines"]}
    own = {str(p["id"]) for p in row["partnerships"]}
    credited = declared_credit(row["deals"])
    attributed = sum(
        (part for pid, parts in credited.items() if pid in own for _, part in parts),
        Decimal("0.00"),
    )
    statements = earnings(inputs)
    won_value = float(row["wonValue"])
    win_rate = ratio(float(row["wonDeals"]), float(row["closedDeals"]))
    goals = []
    for g in row["goals"]:
        target = float(g["target"] or 0.0)
        actual = float(g["actual"] or 0.0)
        goals.append(
            GoalProgress(
                goal_id=strawberry.ID(str(g["id"])),
                metric=str(g["metric"]),
                target=target,
                actual=actual,
                progress=ratio(actual, target),
                period_start=as_date(g["periodStart"]),
                period_end=as_date(g["periodEnd"]),
            )
        )
    return PartnerDashboard(
        partner=PartnerRef.of(row["partner"]),
        from_=start,
        to=end,
        registered_deals=int(row["registeredDeals"]),
        pipeline=[
            StageBucket(stage=str(b["stage"]), count=int(b["count"]), value=float(b["value"]))
            for b in row["pipeline"]
        ],
        outcomes=outcomes(row),
        won_value=won_value,
        won_deals=int(row["wonDeals"]),
        win_rate=win_rate,
        leads=int(row["leads"]),
        converted_leads=int(row["convertedLeads"]),
        lead_conversion_rate=ratio(float(row["convertedLeads"]), float(row["leads"])),
        attributed_revenue=float(attributed),
        earnings=float(sum((Decimal(str(s.amount)) for s in statements), Decimal("0.00"))),
        goals=goals,
        peer_benchmark=peer_benchmark(row, won_value, win_rate),
        co_sellers=[
            CoSeller(partner=PartnerRef.of(c["partner"]), shared_deals=int(c["sharedDeals"]))
            for c in row["coSellers"]
        ],
        rollup=rollup(row["children"]),
    )
