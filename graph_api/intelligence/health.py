"""Ecosystem health: a 0-100 score with documented components, and coverage gaps.

score = 100 x (0.25 activeShare + 0.25 sourcedShare + 0.20 (1 - top5Share)
               + 0.15 growthScore + 0.15 coSellingDensity), rounded to 1 decimal.

- activeShare: partners credited on a deal created or closed in the period.
- sourcedShare: share of the period's won value credited to any partner (for a
  region or tier segment: to a partner of that segment).
- top5Share: share of the partners' credited won value held by the top 5
  (a co-credited deal counts fully for each partner); 0 when there is none.
- growthScore: clamp(0.5 + growth / 2, 0, 1) with growth the change in won
  value against the previous period of equal length; 1 when that was 0 and
  this one is not, 0.5 when both are 0.
- coSellingDensity: share of active partners credited on a period deal
  together with another partner.

A coverage gap is a customer region or industry with customers or open
pipeline (open deals created in the period) and fewer than 2 active partners,
or more than 100 customers per active partner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import (
    FromArg,
    Statement,
    ToArg,
    check_period,
    days,
)
from graph_api.values import as_date
from graph_api.vocabulary import OPEN_STAGES


@strawberry.type(
    description="Ecosystem health. score = 100 x (0.25 activeShare + 0.25 sourcedShare + "
    "0.20 (1 - top5Share) + 0.15 growthScore + 0.15 coSellingDensity), one decimal."
)
class HealthScore:
    segment: str = strawberry.field(description="all, or the region / tier value.")
    score: float = strawberry.field(description="0-100, see the type description.")
    partners: int = strawberry.field(description="Partners in the segment.")
    active_partners: int = strawberry.field(
        description="Partners credited on a deal created or closed in the period."
    )
    active_share: float = strawberry.field(description="activePartners / partners (0 if none).")
    won_value: float = strawberry.field(
        description="Won value closed in the period on deals credited to a partner of the "
        "segment (overall: to any partner)."
    )
    sourced_share: float = strawberry.field(
        description="Share of the period's won value credited to a partner of the segment."
    )
    top5_share: float = strawberry.field(
        description="Share of partner-credited won value held by the segment's top 5 partners "
        "(a deal counts fully for each credited partner)."
    )
    growth: float | None = strawberry.field(
        description="Change of wonValue against the previous period of equal length; null "
        "when that was 0."
    )
    growth_score: float = strawberry.field(
        description="clamp(0.5 + growth / 2, 0, 1); 1 when the previous period was 0 and "
        "this one is not, 0.5 when both are 0."
    )
    co_selling_density: float = strawberry.field(
        description="Share of active partners credited on a deal of the period together "
        "with another partner."
    )


@strawberry.type(description="A region or industry with customers or pipeline but few partners.")
class CoverageGap:
    dimension: str = strawberry.field(description="region or industry.")
    value: str = strawberry.field(description="The region or industry.")
    customers: int = strawberry.field(description="Customers there.")
    open_pipeline: float = strawberry.field(
        description="Amount of the open deals there that were created in the period."
    )
    active_partners: int = strawberry.field(
        description="Active partners credited on the period's deals there."
    )


@strawberry.type(description="Health of the ecosystem (or the caller's slice) for a period.")
class EcosystemHealth:
    from_: dt.date = strawberry.field(name="from", description="Period start (inclusive).")
    to: dt.date = strawberry.field(description="Period end (inclusive).")
    overall: HealthScore = strawberry.field(description="The whole ecosystem.")
    by_region: list[HealthScore] = strawberry.field(description="Per partner region.")
    by_tier: list[HealthScore] = strawberry.field(description="Per partner tier.")
    coverage_gaps: list[CoverageGap] = strawberry.field(
        description="Segments with customers or open pipeline and fewer than 2 active "
        "partners, or more than 100 customers per active partner; most customers first."
    )


ECOSYSTEM_HEALTH = named("queries/intel_ecosystem_health")

WEIGHTS = {"active": 0.25, "sourced": 0.25, "concentration": 0.20, "growth": 0.15, "density": 0.15}
GAP_MIN_ACTIVE_PARTNERS = 2
GAP_MAX_CUSTOMERS_PER_PARTNER = 100


def _sum(values: list[Any]) -> float:
    return float(sum((Decimal(str(v)) for v in values), Decimal("0")))


def growth_score(current: float, previous: float) -> tuple[float | None, float]:
    if previous == 0:
        return None, (1.0 if current > 0 else 0.5)
    growth = (current - previous) / previous
    return growth, min(max(0.5 + growth / 2, 0.0), 1.0)


def score(
    segment: str,
    partners: list[dict[str, Any]],
    won: list[dict[str, Any]],
    credited_by: Callable[[dict[str, Any]], bool],
) -> HealthScore:
    """The score over ``partners`` and the won deals, counting deals ``credited_by`` them."""
    total_now = _sum([d["amount"] for d in won if d["current"]])
    mine_now = _sum([d["amount"] for d in won if d["current"] and credited_by(d)])
    mine_before = _sum([d["amount"] for d in won if not d["current"] and credited_by(d)])
    active = [p for p in partners if p["active"]]
    per_partner = sorted((float(p["wonCur"]) for p in partners), reverse=True)
    credited_total = sum(per_partner)
    top5 = sum(per_partner[:5]) / credited_total if credited_total else 0.0
    active_share = len(active) / len(partners) if partners else 0.0
    sourced = mine_now / total_now if total_now else 0.0
    growth, growth_part = growth_score(mine_now, mine_before)
    density = sum(1 for p in active if p["coSold"]) / len(active) if active else 0.0
    value = 100 * (
        WEIGHTS["active"] * active_share
        + WEIGHTS["sourced"] * sourced
        + WEIGHTS["concentration"] * (1 - top5)
        + WEIGHTS["growth"] * growth_part
        + WEIGHTS["density"] * density
    )
    return HealthScore(
        segment=segment,
        score=round(value, 1),
        partners=len(partners),
        active_partners=len(active),
        active_share=round(active_share, 6),
        won_value=mine_now,
        sourced_share=round(sourced, 6),
        top5_share=round(top5, 6),
        growth=round(growth, 6) if growth is not None else None,
        growth_score=round(growth_part, 6),
        co_selling_density=round(density, 6),
    )


def _credited_by(deal_key: str, value: str) -> Callable[[dict[str, Any]], bool]:
    def check(deal: dict[str, Any]) -> bool:
        return value in deal[deal_key]

    return check


def _segments(row: dict[str, Any], key: str, deal_key: str) -> list[HealthScore]:
    values = sorted({p[key] for p in row["partners"] if p[key] is not None})
    return [
        score(
            str(value),
            [p for p in row["partners"] if p[key] == value],
            row["won"],
            _credited_by(deal_key, value),
        )
        for value in values
    ]


def coverage_gaps(row: dict[str, Any]) -> list[CoverageGap]:
    gaps = []
    for dimension in ("region", "industry"):
        customers: dict[str, int] = {}
        pipeline: dict[str, float] = {}
        partners: dict[str, set[str]] = {}
        for c in row["customers"]:
            if c[dimension] is not None:
                customers[c[dimension]] = customers.get(c[dimension], 0) + int(c["customers"])
        for p in row["pipeline"]:
            if p[dimension] is not None:
                pipeline[p[dimension]] = pipeline.get(p[dimension], 0.0) + float(p["value"])
        for link in row["links"]:
            if link[dimension] is not None:
                partners.setdefault(link[dimension], set()).add(str(link["partnerId"]))
        for value in sorted(set(customers) | set(pipeline)):
            count = customers.get(value, 0)
            open_value = pipeline.get(value, 0.0)
            active = len(partners.get(value, set()))
            if count == 0 and open_value == 0:
                continue
            if active < GAP_MIN_ACTIVE_PARTNERS or count > GAP_MAX_CUSTOMERS_PER_PARTNER * active:
                gaps.append(
                    CoverageGap(
                        dimension=dimension,
                        value=str(value),
                        customers=count,
                        open_pipeline=open_value,
                        active_partners=active,
                    )
                )
    gaps.sort(key=lambda g: (-g.customers, g.dimension, g.value))
    return gaps


def derive(
    row: dict[str, Any], start: dt.date, end: dt.date, scope: list[str] | None
) -> dict[str, Any]:
    """Per-partner activity, won deals and coverage links from the period's deals."""
    partners = {
        str(p["id"]): {**p, "active": False, "coSold": False, "wonCur": 0.0, "wonPrev": 0.0}
        for p in row["partners"]
    }
    won: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    pipeline: list[dict[str, Any]] = []
    for deal in row["deals"]:
        credited = [str(x) for x in deal["credited"]]
        created, closed = as_date(deal["createdDate"]), as_date(deal["closeDate"])
        in_period = any(d is not None and start <= d <= end for d in (created, closed))
        seen = [partners[x] for x in credited if x in partners]
        if deal["stage"] in OPEN_STAGES and created is not None and start <= created <= end:
            pipeline.append(
                {"region": deal["region"], "industry": deal["industry"], "value": deal["amount"]}
            )
        if in_period:
            for partner in seen:
                partner["active"] = True
                partner["coSold"] = partner["coSold"] or len(credited) > 1
                links.append(
                    {
                        "region": deal["region"],
                        "industry": deal["industry"],
                        "partnerId": partner["id"],
                    }
                )
        if deal["stage"] != "won" or closed is None or closed > end:
            continue
        current = closed >= start
        amount = float(deal["amount"])
        for partner in seen:
            partner["wonCur" if current else "wonPrev"] += amount
        won.append(
            {
                "amount": amount,
                "current": current,
                "regions": {p["region"] for p in seen},
                "tiers": {p["tier"] for p in seen},
                "credited": bool(credited) if scope is None else bool(seen),
            }
        )
    return {
        "partners": list(partners.values()),
        "won": won,
        "customers": row["customers"],
        "pipeline": pipeline,
        "links": links,
    }


def health_statement(start: dt.date, end: dt.date, scope: list[str] | None) -> Statement:
    """ecosystemHealth's statement: the period and the equally long one before it."""
    length = (end - start).days + 1
    previous_start = start - dt.timedelta(days=length)
    return Statement(ECOSYSTEM_HEALTH, {"scope": scope, "days": days(previous_start, end)})


async def ecosystem_health(
    info: Info[RequestContext, None],
    from_: FromArg,
    to: ToArg,
) -> EcosystemHealth:
    ctx = info.context
    start, end = check_period(from_, to)
    statement = health_statement(start, end, ctx.scope)
    raw = await ctx.store.read_one(statement.query, **statement.params)
    assert raw is not None
    row = derive(raw, start, end, ctx.scope)
    return EcosystemHealth(
        from_=start,
        to=end,
        overall=score("all", row["partners"], row["won"], lambda d: bool(d["credited"])),
        by_region=_segments(row, "region", "regions"),
        by_tier=_segments(row, "tier", "tiers"),
        coverage_gaps=coverage_gaps(row),
    )
