"""The intelligence suite's fields: a GraphQL document and its arguments per field.

Each call's statement comes from the field's own statement function (the one
its resolver calls), so the driver side of the comparison sends exactly what
the endpoint sends for the same arguments.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import FieldNode, OperationDefinitionNode, parse

from graph_api.intelligence import (
    cosell,
    credit,
    dashboards,
    earnings,
    health,
    overlap,
    paths,
    registrations,
    views,
)
from graph_api.intelligence.common import Statement
from graph_api.intelligence.credit import AttributionModel

PERIOD_DAYS = 91


@dataclass
class Call:
    variables: dict[str, Any]
    statement: Statement  # what the resolver sends for these variables


@dataclass
class Field:
    name: str
    query: str
    make: Callable[[random.Random], Call]


DASHBOARD = (
    "query ($p: ID!, $from: Date!, $to: Date!) { partnerDashboard(partnerId: $p,"
    " from: $from, to: $to) { wonValue winRate earnings peerBenchmark {"
    " wonValuePercentile } rollup { partners } } }"
)


def selected(document: str) -> frozenset[str]:
    """The fields a one-field document selects on that field's result."""
    operation = parse(document).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    root = operation.selection_set.selections[0]
    assert isinstance(root, FieldNode) and root.selection_set is not None
    return frozenset(
        node.name.value for node in root.selection_set.selections if isinstance(node, FieldNode)
    )


def fields(samples: dict[str, Any]) -> list[Field]:
    """Every contract field with its GraphQL text and argument maker."""
    partners: list[str] = samples["partners"] or ["none"]
    deal_ids: list[str] = samples["deals"] or ["none"]
    registered: list[str] = samples["registeredDeals"] or deal_ids
    customers: list[str] = samples["customers"] or ["none"]
    consents: list[list[str]] = samples["consents"] or [[partners[0], partners[-1]]]
    last = samples["lastClose"]
    last_day = last.to_native() if last is not None else dt.date.today()
    start = last_day - dt.timedelta(days=PERIOD_DAYS - 1)
    period = {"from": start.isoformat(), "to": last_day.isoformat()}
    models = [m.name for m in AttributionModel]
    dashboard_fields = selected(DASHBOARD)

    def pick(rng: random.Random, items: list[Any]) -> Any:
        return items[rng.randrange(len(items))]

    def pairs(rng: random.Random) -> Call:
        return Call({}, cosell.pairs_statement(None, 1, 20, None))

    def partner_pairs(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call({"p": p}, cosell.pairs_statement(p, 1, 20, None))

    def recommend(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call({"p": p}, cosell.recommendations_statement(p, 10, None))

    def attribution(rng: random.Random) -> Call:
        d = pick(rng, deal_ids)
        return Call({"d": d}, paths.attribution_paths_statement(d, None))

    def deal_credit(rng: random.Random) -> Call:
        d = pick(rng, deal_ids)
        return Call({"d": d, "m": pick(rng, models)}, credit.deal_credit_statement(d, None))

    def comparison(rng: random.Random) -> Call:
        return Call(dict(period), credit.comparison_statement(start, last_day, None))

    def partner_earnings(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call({"p": p, **period}, earnings.earnings_statement(p, start, last_day, None))

    def dashboard(rng: random.Random) -> Call:
        p = pick(rng, partners)
        statement = dashboards.dashboard_statement(p, start, last_day, None, dashboard_fields)
        return Call({"p": p, **period}, statement)

    def account_overlap(rng: random.Random) -> Call:
        p, q = pick(rng, consents)
        return Call({"p": p, "q": q}, overlap.overlap_statement(p, q, None))

    def connect(rng: random.Random) -> Call:
        p, c = pick(rng, partners), pick(rng, customers)
        return Call({"a": p, "b": c}, paths.connection_path_statement(p, c, 4, None))

    def conflicts(rng: random.Random) -> Call:
        d = pick(rng, registered)
        return Call({"d": d}, registrations.conflicts_statement(d, None))

    def eco(rng: random.Random) -> Call:
        return Call(dict(period), health.health_statement(start, last_day, None))

    def view(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call({"r": p}, views.view_statement(p, 2, None, 200, None))

    return [
        Field(
            "coSellingPairs",
            "{ coSellingPairs(first: 20) { partner { id } otherPartner { id } score"
            " sharedCustomers partnerWinRate } }",
            pairs,
        ),
        Field(
            "coSellingPairs(partnerId)",
            "query ($p: ID) { coSellingPairs(partnerId: $p) { otherPartner { id } score"
            " sharedCustomers otherPartnerWinRate } }",
            partner_pairs,
        ),
        Field(
            "coSellRecommendations",
            "query ($p: ID!) { coSellRecommendations(partnerId: $p) { partner { id } score"
            " path { nodes { id } } } }",
            recommend,
        ),
        Field(
            "attributionPaths",
            "query ($d: ID!) { attributionPaths(dealId: $d) { paths { kind nodes { id label }"
            " edges { source target type } } } }",
            attribution,
        ),
        Field(
            "dealCredit",
            "query ($d: ID!, $m: AttributionModel!) { dealCredit(dealId: $d, model: $m) {"
            " amount lines { partnershipId amount } } }",
            deal_credit,
        ),
        Field(
            "attributionComparison",
            "query ($from: Date!, $to: Date!) { attributionComparison(from: $from, to: $to) {"
            " wonValue partners { partner { id } even declared timeDecay } } }",
            comparison,
        ),
        Field(
            "partnerEarnings",
            "query ($p: ID!, $from: Date!, $to: Date!) { partnerEarnings(partnerId: $p,"
            " from: $from, to: $to) { total partnerships { amount lines { amount } } } }",
            partner_earnings,
        ),
        Field(
            "accountOverlap",
            "query ($p: ID!, $q: ID!) { accountOverlap(partnerId: $p, otherPartnerId: $q) {"
            " consent sharedAccounts accounts { customer { id } } } }",
            account_overlap,
        ),
        Field(
            "connectionPath",
            "query ($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b) { length"
            " nodes { id } } }",
            connect,
        ),
        Field(
            "registrationConflicts",
            "query ($d: ID!) { registrationConflicts(dealId: $d) { conflicts { partnershipId"
            " matchedBy } } }",
            conflicts,
        ),
        Field("partnerDashboard", DASHBOARD, dashboard),
        Field(
            "ecosystemHealth",
            "query ($from: Date!, $to: Date!) { ecosystemHealth(from: $from, to: $to) {"
            " overall { score } byRegion { score } coverageGaps { value } } }",
            eco,
        ),
        Field(
            "relationshipView",
            "query ($r: ID!) { relationshipView(rootId: $r) { truncated nodes { id } edges {"
            " source target } } }",
            view,
        ),
    ]
