"""Co-selling: partners credited on the same deals, and whom to co-sell with next."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import check_count, check_id, or_default, ratio
from graph_api.intelligence.types import (
    CoSellingPair,
    CoSellRecommendation,
    GraphPath,
    PartnerRef,
)

COSELL_PAIRS = named("queries/intel_cosell_pairs")
COSELL_PAIRS_FOR_PARTNER = named("queries/intel_cosell_pairs_for_partner")
COSELL_RECOMMENDATIONS = named("queries/intel_cosell_recommendations")


def _rate(won: Any, closed: Any) -> float | None:
    if won is None or closed is None:
        return None
    return ratio(float(won), float(closed))


def _pair(row: dict[str, Any]) -> CoSellingPair:
    return CoSellingPair(
        partner=PartnerRef.of(row["partner"]),
        other_partner=PartnerRef.of(row["other"]),
        shared_deals=int(row["sharedDeals"]),
        shared_won_deals=int(row["sharedWon"]),
        shared_closed_deals=int(row["sharedClosed"]),
        shared_won_value=float(row["sharedWonValue"]),
        shared_win_rate=_rate(row["sharedWon"], row["sharedClosed"]),
        shared_customers=row["sharedCustomers"],
        partner_win_rate=_rate(row["aWon"], row["aClosed"]),
        other_partner_win_rate=_rate(row["bWon"], row["bClosed"]),
        score=int(row["sharedDeals"]) + int(row["sharedWon"]),
    )


async def co_selling_pairs(
    info: Info[RequestContext, None],
    partner_id: Annotated[
        strawberry.ID | None,
        strawberry.argument(description="Only this partner's pairs; omit for the whole ecosystem."),
    ] = None,
    min_shared_deals: Annotated[
        int | None,
        strawberry.argument(description="Smallest number of shared deals a pair needs."),
    ] = 1,
    first: Annotated[
        int | None, strawberry.argument(description="How many results to return (at most 100).")
    ] = 20,
) -> list[CoSellingPair]:
    ctx = info.context
    min_shared_deals = or_default(min_shared_deals, 1)
    first = or_default(first, 20)
    check_count(first, "first", 100)
    check_count(min_shared_deals, "minSharedDeals", 1_000_000)
    if partner_id is None:
        rows = await ctx.store.read(
            COSELL_PAIRS, scope=ctx.scope, minSharedDeals=min_shared_deals, first=first
        )
    else:
        rows = await ctx.store.read(
            COSELL_PAIRS_FOR_PARTNER,
            partnerId=check_id(partner_id, "partnerId"),
            scope=ctx.scope,
            minSharedDeals=min_shared_deals,
            first=first,
        )
    return [_pair(row) for row in rows]


def _path(row: dict[str, Any]) -> GraphPath | None:
    nodes = row.get("pathNodes")
    if not nodes:
        return None
    partner, customer, other = (str(n["id"]) for n in nodes)
    edges = [
        {"source": partner, "target": customer, "type": "SERVES"},
        {"source": other, "target": customer, "type": "SERVES"},
    ]
    return GraphPath.of(nodes, edges)


async def co_sell_recommendations(
    info: Info[RequestContext, None],
    partner_id: Annotated[
        strawberry.ID, strawberry.argument(description="Stable id of the partner.")
    ],
    first: Annotated[
        int | None, strawberry.argument(description="How many results to return (at most 100).")
    ] = 10,
) -> list[CoSellRecommendation]:
    ctx = info.context
    first = or_default(first, 10)
    key = check_id(partner_id, "partnerId")
    check_count(first, "first", 100)
    rows = await ctx.store.read(COSELL_RECOMMENDATIONS, partnerId=key, scope=ctx.scope, first=first)
    return [
        CoSellRecommendation(
            partner=PartnerRef.of(row["partner"]),
            shared_customers=int(row["sharedCustomers"]),
            complementary_kind=bool(row["complementaryKind"]),
            same_region=bool(row["sameRegion"]),
            win_rate=row["winRate"],
            consent=row["consent"],
            score=round(float(row["score"]), 6),
            path=_path(row),
        )
        for row in rows
    ]
