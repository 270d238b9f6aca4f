"""The relationship-intelligence root fields; each sends one named Cypher query."""

from __future__ import annotations

import strawberry

from graph_api.intelligence.cosell import co_sell_recommendations, co_selling_pairs
from graph_api.intelligence.credit import attribution_comparison, deal_credit
from graph_api.intelligence.dashboards import partner_dashboard
from graph_api.intelligence.earnings import partner_earnings
from graph_api.intelligence.health import ecosystem_health
from graph_api.intelligence.overlap import account_overlap
from graph_api.intelligence.paths import attribution_paths, connection_path
from graph_api.intelligence.registrations import registration_conflicts
from graph_api.intelligence.views import relationship_view

_ID = "Stable id of the {}."
_FROM = "First day of the period (inclusive)."
_TO = "Last day of the period (inclusive)."


def arg(description: str) -> object:
    return strawberry.argument(description=description)


@strawberry.type
class IntelligenceQuery:
    co_selling_pairs = strawberry.field(
        resolver=co_selling_pairs,
        description="Pairs of partners credited on the same deals, by score "
        "(sharedDeals + sharedWonDeals), then shared won value, then ids. With partnerId, "
        "that partner's pairs; without, the whole ecosystem.",
    )
    co_sell_recommendations = strawberry.field(
        resolver=co_sell_recommendations,
        description="Partners that serve the same customers as this one but never co-sold "
        "with it, ranked by how well they would complement it, with the evidence.",
    )
    attribution_paths = strawberry.field(
        resolver=attribution_paths,
        description="Every route by which partners reach a deal, as ordered nodes and edges; "
        "null when the deal does not exist or is not visible.",
    )
    deal_credit = strawberry.field(
        resolver=deal_credit,
        description="Each credited partnership's part of a deal's amount under a model; the "
        "parts add up to the amount exactly (cents, largest remainder, ties by id).",
    )
    attribution_comparison = strawberry.field(
        resolver=attribution_comparison,
        description="Credited won value per partner under every model side by side, for won "
        "deals closed in [from, to] (inclusive).",
    )
    partner_earnings = strawberry.field(
        resolver=partner_earnings,
        description="Commissions owed to a partner for [from, to] (inclusive) under each "
        "partnership's program terms, with line items.",
    )
    account_overlap = strawberry.field(
        resolver=account_overlap,
        description="Customers two partners have in common (same node or domain), as far as "
        "the other partner's SHARES_WITH consent to this one allows.",
    )
    connection_path = strawberry.field(
        resolver=connection_path,
        description="The shortest relationship path between two entities (at most maxHops, "
        "capped at 6), for a warm introduction; null when there is none.",
    )
    registration_conflicts = strawberry.field(
        resolver=registration_conflicts,
        description="Other active registrations for the same customer (node or domain) whose "
        "windows overlap this deal's.",
    )
    partner_dashboard = strawberry.field(
        resolver=partner_dashboard,
        description="A partner's results for [from, to] (inclusive): pipeline, wins, leads, "
        "revenue, earnings, goals, peer benchmark, co-sellers, distributor roll-up.",
    )
    ecosystem_health = strawberry.field(
        resolver=ecosystem_health,
        description="A 0-100 health score with its components, by region and tier, and "
        "coverage gaps, for [from, to] (inclusive).",
    )
    relationship_view = strawberry.field(
        resolver=relationship_view,
        description="A capped subgraph around one entity for a visualization library (depth "
        "at most 3, allowlisted relationship types, at most `limit` nodes).",
    )
