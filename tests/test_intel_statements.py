"""Each intelligence field's statement comes from one function, which the resolver and
``graph-api bench`` both call: the bench's driver side sends exactly what the endpoint
sends. And partnerDashboard answers a header-only selection with its small statement,
with the same values as the whole one."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import neo4j.time
import pytest

from graph_api.bench.fields import fields, selected
from graph_api.context import RequestContext
from graph_api.cypher import NamedQuery
from graph_api.intelligence.dashboards import (
    PARTNER_DASHBOARD,
    PARTNER_DASHBOARD_HEADER,
    dashboard_statement,
)
from graph_api.schema import schema
from graph_api.store import Store, request_counter
from tests.support.intel import Q1, build_graph

SAMPLES = {
    "partners": ["p1", "p2", "d1"],
    "deals": ["dA", "dB", "dF"],
    "registeredDeals": ["dF"],
    "customers": ["c1", "c2"],
    "consents": [["p1", "p2"]],
    "lastClose": neo4j.time.Date(2024, 3, 31),
}
Q1_DATES = (dt.date(2024, 1, 1), dt.date(2024, 3, 31))


async def execute(
    store: Store, query: str, variables: dict[str, Any], scope: list[str] | None = None
) -> tuple[dict[str, Any], list[tuple[NamedQuery, dict[str, Any]]]]:
    """Run ``query`` in-process; its data and the statements it sent, with parameters."""
    counter = request_counter()
    counter.statements = []
    ctx = RequestContext(store=store, round_trips=counter, scope=scope)
    result = await schema.execute(query, variable_values=variables, context_value=ctx)
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data, counter.statements


async def test_bench_sends_what_each_resolver_sends(store: Store) -> None:
    await build_graph(store)
    specs = fields(SAMPLES)
    assert len(specs) == 13
    for spec in specs:
        call = spec.make(random.Random(spec.name))
        data, sent = await execute(store, spec.query, call.variables)
        assert data, spec.name
        assert sent == [(call.statement.query, call.statement.params)], spec.name


def test_dashboard_statement_follows_the_selection() -> None:
    def query(fields: set[str]) -> NamedQuery:
        return dashboard_statement("p1", *Q1_DATES, None, frozenset(fields)).query

    assert query({"wonDeals", "wonValue"}) is PARTNER_DASHBOARD_HEADER
    assert query({"__typename", "partner", "from", "to", "registeredDeals", "winRate"}) is (
        PARTNER_DASHBOARD_HEADER
    )
    assert query({"outcomes"}) is PARTNER_DASHBOARD_HEADER
    assert query({"wonValue", "earnings"}) is PARTNER_DASHBOARD
    assert query({"goals"}) is PARTNER_DASHBOARD
    assert selected("{ partnerDashboard { wonValue peerBenchmark { peers } } }") == {
        "wonValue",
        "peerBenchmark",
    }


HEADER = """
query ($partner: ID!, $from: Date!, $to: Date!) {
  partnerDashboard(partnerId: $partner, from: $from, to: $to) {
    __typename partner { id name tier } from to registeredDeals wonDeals
    ...Won outcomes { stage count value } } }
fragment Won on PartnerDashboard { won: wonValue winRate }
"""
WHOLE = HEADER.replace("registeredDeals", "registeredDeals goals { goalId }")


@pytest.mark.parametrize("scope", [None, ["p1", "p3"]])
async def test_header_selection_answers_as_the_whole_dashboard(
    store: Store, scope: list[str] | None
) -> None:
    await build_graph(store)
    for partner in ("p1", "p2", "p3", "p4", "p5", "d1", "d2", "nobody"):
        variables = {"partner": partner, **Q1}
        header, header_sent = await execute(store, HEADER, variables, scope)
        whole, whole_sent = await execute(store, WHOLE, variables, scope)
        assert [q for q, _ in header_sent] == [PARTNER_DASHBOARD_HEADER]
        assert [q for q, _ in whole_sent] == [PARTNER_DASHBOARD]
        if whole["partnerDashboard"] is not None:
            whole["partnerDashboard"].pop("goals")
        assert header == whole, partner
    # Not vacuous: p1's header as worked out in tests/test_intel_dashboards.py.
    p1, _ = await execute(store, HEADER, {"partner": "p1", **Q1}, scope)
    assert p1["partnerDashboard"] == {
        "__typename": "PartnerDashboard",
        "partner": {"id": "p1", "name": "Alpha", "tier": "gold"},
        "from": "2024-01-01",
        "to": "2024-03-31",
        "registeredDeals": 1,
        "wonDeals": 2,
        "won": 1100.0,
        "winRate": 2 / 3,
        "outcomes": [
            {"stage": "lost", "count": 1, "value": 500.0},
            {"stage": "won", "count": 2, "value": 1100.0},
        ],
    }
    hidden, _ = await execute(store, HEADER, {"partner": "p2", **Q1}, ["p1"])
    assert hidden == {"partnerDashboard": None}
