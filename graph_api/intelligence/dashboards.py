"""The partner dashboard: one partner's period, folded into one traversal.

A selection of header figures only (registrations, wins, win rate, outcomes) is
answered by a smaller statement made of the whole one's header subqueries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import Statement, ToArg, check_id, check_period, ratio
from graph_api.intelligence.earnings import declared_credit, earnings
from graph_api.intelligence.refs import PartnerRef
from graph_api.selection import object_fields
from graph_api.values import as_date

if TYPE_CHECKING:
    from graph_api.channel.types import ChannelFigures
    from graph_api.enablement.types import EnablementStatus

# Certifications expiring this many days after a dashboard's period are flagged.
EXPIRY_WINDOW_DAYS = 90


@strawberry.type(description="Deals of one stage.")
class StageBucket:
    stage: str = strawberry.field(description="Deal stage.")
    count: int = strawberry.field(description="Number of deals.")
    value: float = strawberry.field(description="Sum of their amounts.")


@strawberry.type(description="Progress against one goal over the goal's own period.")
class GoalProgress:
    goal_id: strawberry.ID = strawberry.field(description="The goal.")
    metric: str = strawberry.field(description="What it measures.")
    target: float = strawberry.field(description="Target value.")
    actual: float = strawberry.field(description="Value reached in [periodStart, periodEnd].")
    progress: float | None = strawberry.field(description="actual / target; null when target 0.")
    period_start: dt.date | None = strawberry.field(description="Goal period start (inclusive).")
    period_end: dt.date | None = strawberry.field(description="Goal period end (inclusive).")


@strawberry.type(description="Where a partner stands among partners of the same tier.")
class PeerBenchmark:
    tier: str | None = strawberry.field(description="The tier compared within.")
    peers: int = strawberry.field(description="Other partners of that tier.")
    won_value_percentile: float | None = strawberry.field(
        description="Percent of peers with a strictly smaller won value; null with no peers."
    )
    win_rate_percentile: float | None = strawberry.field(
        description="Percent of peers with a win rate strictly below this one's, among peers "
        "with a closed deal; null when either side has none."
    )


@strawberry.type(description="A partner credited on the same deals (all time).")
class CoSeller:
    partner: PartnerRef = strawberry.field(description="The co-selling partner.")
    shared_deals: int = strawberry.field(description="Deals both are credited on.")


@strawberry.type(description="Results of one partner below a distributor, in the period.")
class RollupChild:
    partner: PartnerRef = strawberry.field(description="The partner below.")
    parent_id: strawberry.ID | None = strawberry.field(description="Whom it resells for directly.")
    depth: int = strawberry.field(description="Levels below the distributor (1 = direct).")
    won_value: float = strawberry.field(description="Won value closed in the period.")
    won_deals: int = strawberry.field(description="Won deals closed in the period.")
    closed_deals: int = strawberry.field(description="Won or lost deals closed in the period.")


@strawberry.type(description="A distributor's roll-up of every partner below it.")
class DistributorRollup:
    partners: int = strawberry.field(description="Partners below it, at any depth.")
    won_value: float = strawberry.field(description="Their won value in the period.")
    won_deals: int = strawberry.field(description="Their won deals in the period.")
    closed_deals: int = strawberry.field(description="Their closed deals in the period.")
    children: list[RollupChild] = strawberry.field(description="Per partner, by depth then id.")


@strawberry.type(description="One partner's results for a period (bounds inclusive).")
class PartnerDashboard:
    partner: PartnerRef = strawberry.field(description="The partner.")
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    registered_deals: int = strawberry.field(
        description="Deals its partnerships registered with a registration date in the period."
    )
    pipeline: list[StageBucket] = strawberry.field(
        description="Credited deals created in the period that are still open, by stage "
        "(alphabetical); won and lost deals are outcomes, not pipeline."
    )
    outcomes: list[StageBucket] = strawberry.field(
        description="Credited deals closed in the period, by outcome: lost, then won "
        "(the won bucket is wonDeals and wonValue); outcomes with no deals are left out."
    )
    won_value: float = strawberry.field(description="Credited won deals closed in the period.")
    won_deals: int = strawberry.field(description="Number of those deals.")
    win_rate: float | None = strawberry.field(
        description="won / (won + lost) over credited deals closed in the period."
    )
    leads: int = strawberry.field(description="Leads it referred, created in the period.")
    converted_leads: int = strawberry.field(description="Of those, leads converted to a deal.")
    lead_conversion_rate: float | None = strawberry.field(
        description="convertedLeads / leads; null with no leads."
    )
    attributed_revenue: float = strawberry.field(
        description="Its DECLARED credit on won deals closed in the period."
    )
    earnings: float = strawberry.field(description="Commission total, as partnerEarnings.")
    goals: list[GoalProgress] = strawberry.field(
        description="Goals whose period overlaps this one, by period start then id."
    )
    peer_benchmark: PeerBenchmark = strawberry.field(description="Standing within its tier.")
    co_sellers: list[CoSeller] = strawberry.field(
        description="Top 5 co-selling partners by shared deals, ties by id."
    )
    rollup: DistributorRollup | None = strawberry.field(
        description="For a partner others resell for: the roll-up below it; else null."
    )

    @strawberry.field(
        description="Enablement on the period's last day: requirements met per program and "
        f"tier, training still needed, certifications expiring within {EXPIRY_WINDOW_DAYS} "
        "days after it, completion rate (as enablementStatus). Read only when selected."
    )
    async def enablement(
        self, info: Info[RequestContext, None]
    ) -> Annotated[EnablementStatus, strawberry.lazy("graph_api.enablement.types")] | None:
        from graph_api.enablement.status import enablement_status

        return await enablement_status(
            info.context, str(self.partner.id), self.to, EXPIRY_WINDOW_DAYS
        )

    @strawberry.field(
        description="The manufacturer's channel through this partner in the period: orders "
        "and their monthly trend, stock below its reorder point, warranty claims by status "
        "and the claim rate per product family. Read only when selected."
    )
    async def channel(
        self, info: Info[RequestContext, None]
    ) -> Annotated[ChannelFigures, strawberry.lazy("graph_api.channel.types")] | None:
        from graph_api.channel.figures import channel_figures

        return await channel_figures(info.context, str(self.partner.id), self.from_, self.to)


PARTNER_DASHBOARD = named("queries/intel_partner_dashboard")
PARTNER_DASHBOARD_HEADER = named("queries/intel_partner_dashboard_header")


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


# What the header statement answers; a selection of nothing else needs no more.
HEADER_FIELDS = frozenset(
    [
        "__typename",
        "partner",
        "from",
        "to",
        "registeredDeals",
        "wonDeals",
        "wonValue",
        "winRate",
        "outcomes",
    ]
)


def dashboard_statement(
    partner_id: object,
    from_: object,
    to: object,
    scope: list[str] | None,
    selected: Collection[str],
) -> Statement:
    """partnerDashboard's statement for a selection of its fields: the header one when
    ``selected`` asks for header figures only, else the whole dashboard."""
    key = check_id(partner_id, "partnerId")
    start, end = check_period(from_, to)
    query = PARTNER_DASHBOARD_HEADER if HEADER_FIELDS.issuperset(selected) else PARTNER_DASHBOARD
    return Statement(query, {"partnerId": key, "scope": scope, "from": start, "to": end})


def header(row: dict[str, Any], start: dt.date, end: dt.date) -> PartnerDashboard:
    """The dashboard from the header statement's row. Only HEADER_FIELDS are selected,
    so the other fields are never read: they stay empty rather than cost a traversal."""
    return PartnerDashboard(
        partner=PartnerRef.of(row["partner"]),
        from_=start,
        to=end,
        registered_deals=int(row["registeredDeals"]),
        pipeline=[],
        outcomes=outcomes(row),
        won_value=float(row["wonValue"]),
        won_deals=int(row["wonDeals"]),
        win_rate=ratio(float(row["wonDeals"]), float(row["closedDeals"])),
        leads=0,
        converted_leads=0,
        lead_conversion_rate=None,
        attributed_revenue=0.0,
        earnings=0.0,
        goals=[],
        peer_benchmark=PeerBenchmark(
            tier=None, peers=0, won_value_percentile=None, win_rate_percentile=None
        ),
        co_sellers=[],
        rollup=None,
    )


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
    statement = dashboard_statement(partner_id, from_, to, ctx.scope, object_fields(info))
    start, end = statement.params["from"], statement.params["to"]
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    if statement.query is PARTNER_DASHBOARD_HEADER:
        return header(row, start, end)
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
