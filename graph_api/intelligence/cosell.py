"""Co-selling: partners credited on the same deals, and whom to co-sell with next."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.intelligence.common import Statement, check_count, check_id, or_default, ratio
from graph_api.intelligence.graph import GraphPath
from graph_api.intelligence.refs import PartnerRef


@strawberry.type(
    description="Two partners credited on the same deals. score = sharedDeals + "
    "sharedWonDeals; ties go to the larger sharedWonValue, then to the smaller partner ids."
)
class CoSellingPair:
    partner: PartnerRef = strawberry.field(
        description="The first partner (the requested one, or the smaller id)."
    )
    other_partner: PartnerRef = strawberry.field(description="The second partner.")
    shared_deals: int = strawberry.field(description="Deals both are credited on.")
    shared_won_deals: int = strawberry.field(description="Of those, deals in stage won.")
    shared_closed_deals: int = strawberry.field(description="Of those, deals won or lost.")
    shared_won_value: float = strawberry.field(description="Sum of the won shared deals' amounts.")
    shared_win_rate: float | None = strawberry.field(
        description="sharedWonDeals / sharedClosedDeals; null with no closed shared deal."
    )
    shared_customers: int | None = strawberry.field(
        description="Customers both SERVE or both are credited on deals for; null when "
        "either partner is outside the caller's scope."
    )
    partner_win_rate: float | None = strawberry.field(
        description="The first partner's overall win rate (won / won+lost over all its "
        "credited deals); null with no closed deal or outside the caller's scope."
    )
    other_partner_win_rate: float | None = strawberry.field(
        description="The second partner's overall win rate, as for partnerWinRate."
    )
    score: int = strawberry.field(description="Ranking score: sharedDeals + sharedWonDeals.")


@strawberry.type(
    description="A partner to co-sell with. score = 3 x sharedCustomers + 2 if the kinds "
    "differ + 1 if the regions match + the candidate's win rate (0..1); ties go to the "
    "smaller id."
)
class CoSellRecommendation:
    partner: PartnerRef = strawberry.field(description="The recommended partner.")
    shared_customers: int = strawberry.field(description="Customers both partners SERVE.")
    complementary_kind: bool = strawberry.field(description="The two partners' kinds differ.")
    same_region: bool = strawberry.field(description="The two partners work the same region.")
    win_rate: float | None = strawberry.field(
        description="The candidate's overall win rate; null with no closed deal."
    )
    consent: str | None = strawberry.field(
        description="SHARES_WITH level the candidate grants the partner (counts, overlaps, "
        "full), or null. Partner-scoped callers only see candidates that granted one."
    )
    score: float = strawberry.field(description="The ranking score (see the type).")
    path: GraphPath | None = strawberry.field(
        description="partner -SERVES-> shared customer <-SERVES- candidate (smallest "
        "customer id); null for scoped callers unless consent is overlaps or full."
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


def pairs_statement(
    partner_id: object | None, min_shared_deals: int, first: int, scope: list[str] | None
) -> Statement:
    """coSellingPairs' statement: the whole ecosystem's, or one partner's."""
    check_count(first, "first", 100)
    check_count(min_shared_deals, "minSharedDeals", 1_000_000)
    params: dict[str, Any] = {"scope": scope, "minSharedDeals": min_shared_deals, "first": first}
    if partner_id is None:
        return Statement(COSELL_PAIRS, params)
    partner = check_id(partner_id, "partnerId")
    return Statement(COSELL_PAIRS_FOR_PARTNER, {"partnerId": partner, **params})


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
    statement = pairs_statement(
        partner_id, or_default(min_shared_deals, 1), or_default(first, 20), ctx.scope
    )
    rows = await ctx.store.read(statement.query, **statement.params)
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


def recommendations_statement(partner_id: object, first: int, scope: list[str] | None) -> Statement:
    """coSellRecommendations' statement."""
    key = check_id(partner_id, "partnerId")
    check_count(first, "first", 100)
    return Statement(COSELL_RECOMMENDATIONS, {"partnerId": key, "scope": scope, "first": first})


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
    statement = recommendations_statement(partner_id, or_default(first, 10), ctx.scope)
    rows = await ctx.store.read(statement.query, **statement.params)
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
