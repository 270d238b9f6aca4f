"""dealCredit, attributionComparison and partnerEarnings over HTTP, on the
hand-worked graph of tests/support/intel.py (see its docstring).

Cents are split by largest remainder: floor every share, then hand the cents
left over to the largest fractional remainders, ties to the smaller
partnership id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from graph_api.config import ConfigError, Settings
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.events import run_app
from tests.support.intel import Q1
from tests.support.servers import LiveServer

CREDIT = """
query ($deal: ID!, $model: AttributionModel!) {
  dealCredit(dealId: $deal, model: $model) {
    deal { id } amount otherCreditAmount unattributedAmount
    lines { partnershipId partner { id } role amount }
  }
}
"""


def credit(server: LiveServer, deal: str, model: str) -> dict[str, Any]:
    body = server.gql(CREDIT, {"deal": deal, "model": model})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 1
    result: dict[str, Any] = body["data"]["dealCredit"]
    return result


def parts(result: dict[str, Any]) -> dict[str, float]:
    return {line["partnershipId"]: line["amount"] for line in result["lines"]}


def cents_total(result: dict[str, Any]) -> Decimal:
    return sum((Decimal(str(line["amount"])) for line in result["lines"]), Decimal("0"))


async def test_deal_credit_under_every_model(live_server: LiveServer, intel_graph: Store) -> None:
    # dA = 1000.00: ps1 sourced share 0.6 at 01-10, ps2 referred share 0.4 at 03-01,
    # closed 03-31.
    assert parts(credit(live_server, "dA", "EVEN")) == {"ps1": 500.0, "ps2": 500.0}
    # Weights 0.4 : 0.3 -> 571.428.. and 428.571..; floors 57142 + 42857 cents leave
    # 1 cent, which goes to ps1 (remainder .857 > .142).
    assert parts(credit(live_server, "dA", "ROLE_WEIGHTED")) == {"ps1": 571.43, "ps2": 428.57}
    assert parts(credit(live_server, "dA", "FIRST_TOUCH")) == {"ps1": 1000.0, "ps2": 0.0}
    assert parts(credit(live_server, "dA", "LAST_TOUCH")) == {"ps1": 0.0, "ps2": 1000.0}
    assert parts(credit(live_server, "dA", "DECLARED")) == {"ps1": 600.0, "ps2": 400.0}
    # Half-life 30 days to the close 03-31: ps1 is 81 days before (21 + 29 + 31),
    # 0.5^2.7 = 0.153893; ps2 30 days, 0.5. ps1 = 1000 * 0.153893 / 0.653893
    # = 235.3489 -> floor 23534 cents, ps2 76465.10 -> 76465; the cent left goes to
    # ps1 (.89 > .10).
    decayed = credit(live_server, "dA", "TIME_DECAY")
    assert parts(decayed) == {"ps1": 235.35, "ps2": 764.65}
    assert decayed["amount"] == 1000.0
    assert cents_total(decayed) == Decimal("1000.00")
    assert decayed["otherCreditAmount"] == 0.0
    assert decayed["unattributedAmount"] == 0.0
    assert [line["role"] for line in decayed["lines"]] == ["sourced", "referred"]


async def test_even_split_tie_and_time_decay_remainders(
    live_server: LiveServer, intel_graph: Store
) -> None:
    # dB = 100.00 over ps1, ps2, ps3: 3333.33 cents each -> floors 9999, one cent
    # left, all remainders tie at .33 -> the smallest id, ps1, gets it.
    even = credit(live_server, "dB", "EVEN")
    assert parts(even) == {"ps1": 33.34, "ps2": 33.33, "ps3": 33.33}
    assert cents_total(even) == Decimal("100.00")
    # Roles influenced 0.1, delivered 0.2, sourced 0.4 (of 0.7): 1428.57, 2857.14,
    # 5714.28 cents -> floors 9999; the cent goes to ps1 (.57 is the largest).
    assert parts(credit(live_server, "dB", "ROLE_WEIGHTED")) == {
        "ps1": 14.29,
        "ps2": 28.57,
        "ps3": 57.14,
    }
    # Touches 31, 30 and 29 days before the close 01-01: weights 0.48858, 0.5,
    # 0.51169 -> 3256.62, 3332.74, 3410.64 cents; floors 9998, the two cents go to
    # ps2 (.74) and ps3 (.64).
    decayed = credit(live_server, "dB", "TIME_DECAY")
    assert parts(decayed) == {"ps1": 32.56, "ps2": 33.33, "ps3": 34.11}
    assert cents_total(decayed) == Decimal("100.00")
    # First touch ps1 (12-01), last touch ps3 (12-03).
    assert parts(credit(live_server, "dB", "FIRST_TOUCH")) == {"ps1": 100.0, "ps2": 0.0, "ps3": 0.0}
    assert parts(credit(live_server, "dB", "LAST_TOUCH")) == {"ps1": 0.0, "ps2": 0.0, "ps3": 100.0}


@contextlib.contextmanager
def configured_server(
    migrated: Connection, monkeypatch: pytest.MonkeyPatch, **env: str
) -> Iterator[LiveServer]:
    """An app whose settings were read from ``env`` at start, as ``serve`` reads them."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings.from_env().with_overrides(webhook_worker=False)
    with run_app(settings, migrated) as app:
        yield LiveServer(url=app.url, settings=settings)


async def test_role_weights_come_from_configuration(
    migrated: Connection, intel_graph: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Overriding one role keeps the other defaults: dA's ps1 is sourced (default
    # 0.4), ps2 referred (now 0.6) -> 400.00 and 600.00 instead of 571.43 / 428.57.
    with configured_server(migrated, monkeypatch, GRAPH_API_ROLE_WEIGHTS="referred=0.6") as app:
        assert parts(credit(app, "dA", "ROLE_WEIGHTED")) == {"ps1": 400.0, "ps2": 600.0}
        # Read once, at start: a later change of the environment changes nothing.
        monkeypatch.setenv("GRAPH_API_ROLE_WEIGHTS", "referred=0")
        assert parts(credit(app, "dA", "ROLE_WEIGHTED")) == {"ps1": 400.0, "ps2": 600.0}
    # Roles are matched without regard to case or spaces. dB: influenced 0.1 (ps1),
    # delivered 0.7 (ps2), sourced 0.2 (ps3) of 1.0 -> 10.00, 70.00, 20.00.
    weights = " Delivered = 0.7 , sourced=0.2"
    with configured_server(migrated, monkeypatch, GRAPH_API_ROLE_WEIGHTS=weights) as app:
        assert parts(credit(app, "dB", "ROLE_WEIGHTED")) == {
            "ps1": 10.0,
            "ps2": 70.0,
            "ps3": 20.0,
        }
    # Every role of dB weighted 0: the split falls back to even (the tie cent to ps1).
    zero = "influenced=0,delivered=0,sourced=0"
    with configured_server(migrated, monkeypatch, GRAPH_API_ROLE_WEIGHTS=zero) as app:
        assert parts(credit(app, "dB", "ROLE_WEIGHTED")) == {
            "ps1": 33.34,
            "ps2": 33.33,
            "ps3": 33.33,
        }


async def test_half_life_comes_from_configuration(
    migrated: Connection, intel_graph: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # dA closes 03-31; ps1 touched 81 days before, ps2 30 days. With a half-life of
    # 81 days: 0.5 and 0.5^(30/81) = 0.773584 -> 1000 * 0.5 / 1.273584 = 392.5929
    # -> 39259 cents; ps2 60740.71 -> 60740; the cent left goes to ps2 (.71 > .29).
    half_life = {"GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS": "81"}
    with configured_server(migrated, monkeypatch, **half_life) as app:
        assert parts(credit(app, "dA", "TIME_DECAY")) == {"ps1": 392.59, "ps2": 607.41}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "GRAPH_API_ROLE_WEIGHTS",
            "sourced=lots",
            "GRAPH_API_ROLE_WEIGHTS entry 'sourced=lots' is not role=weight (weight >= 0)",
        ),
        (
            "GRAPH_API_ROLE_WEIGHTS",
            "sourced",
            "GRAPH_API_ROLE_WEIGHTS entry 'sourced' is not role=weight (weight >= 0)",
        ),
        (
            "GRAPH_API_ROLE_WEIGHTS",
            "referred=-1",
            "GRAPH_API_ROLE_WEIGHTS entry 'referred=-1' is not role=weight (weight >= 0)",
        ),
        (
            "GRAPH_API_ROLE_WEIGHTS",
            "referred=nan",
            "GRAPH_API_ROLE_WEIGHTS entry 'referred=nan' is not role=weight (weight >= 0)",
        ),
        (
            "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS",
            "0",
            "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS must be a positive number, got '0'",
        ),
        (
            "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS",
            "a month",
            "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS must be a positive number, got 'a month'",
        ),
    ],
)
def test_malformed_credit_settings_are_refused_when_read(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as refused:
        Settings.from_env()
    assert str(refused.value) == message


async def test_zero_amount_unattributed_and_unknown_deals(
    live_server: LiveServer, intel_graph: Store
) -> None:
    # dD is worth 0: ps3 gets all of nothing.
    zero = credit(live_server, "dD", "DECLARED")
    assert parts(zero) == {"ps3": 0.0}
    assert zero["amount"] == 0.0
    # dF has no ATTRIBUTED edge: no lines, the whole 300 is unattributed.
    none = credit(live_server, "dF", "EVEN")
    assert none["lines"] == []
    assert none["unattributedAmount"] == 300.0
    body = live_server.gql(CREDIT, {"deal": "nope", "model": "EVEN"})
    assert body["data"]["dealCredit"] is None
    bad = live_server.gql(CREDIT, {"deal": "", "model": "EVEN"})
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


COMPARISON = """
query ($from: Date!, $to: Date!, $first: Int!) {
  attributionComparison(from: $from, to: $to, first: $first) {
    from to wonDeals wonValue unattributedValue
    partners {
      partner { id } even roleWeighted firstTouch lastTouch declared timeDecay spread
    }
  }
}
"""


async def test_attribution_comparison_side_by_side(
    live_server: LiveServer, intel_graph: Store
) -> None:
    body = live_server.gql(COMPARISON, {**Q1, "first": 20})
    assert body["extensions"]["cypherRoundTrips"] == 1
    data = body["data"]["attributionComparison"]
    # Won deals closing in [01-01, 03-31]: dB (01-01, lower bound), dD (0), dA (03-31,
    # upper bound); dE closes 04-01 and is out.
    assert (data["wonDeals"], data["wonValue"], data["unattributedValue"]) == (3, 1100.0, 0.0)
    # Per partner = its dA part + its dB part (+ 0 from dD), from the two tests above.
    # Ordered by DECLARED: p1 600+50, p2 400+25, p3 25.
    assert data["partners"] == [
        {
            "partner": {"id": "p1"},
            "even": 533.34,  # 500 + 33.34
            "roleWeighted": 585.72,  # 571.43 + 14.29
            "firstTouch": 1100.0,  # 1000 + 100
            "lastTouch": 0.0,
            "declared": 650.0,
            "timeDecay": 267.91,  # 235.35 + 32.56
            "spread": 1100.0,  # first touch - last touch
        },
        {
            "partner": {"id": "p2"},
            "even": 533.33,
            "roleWeighted": 457.14,  # 428.57 + 28.57
            "firstTouch": 0.0,
            "lastTouch": 1000.0,
            "declared": 425.0,
            "timeDecay": 797.98,  # 764.65 + 33.33
            "spread": 1000.0,
        },
        {
            "partner": {"id": "p3"},
            "even": 33.33,
            "roleWeighted": 57.14,
            "firstTouch": 0.0,
            "lastTouch": 100.0,
            "declared": 25.0,
            "timeDecay": 34.11,
            "spread": 100.0,
        },
    ]
    # One day less at either end drops dB (closed 01-01) or dA (closed 03-31).
    inner = live_server.gql(COMPARISON, {"from": "2024-01-02", "to": "2024-03-30", "first": 1})
    data = inner["data"]["attributionComparison"]
    assert (data["wonDeals"], data["wonValue"]) == (1, 0.0)  # only dD, worth 0
    assert data["partners"] == [
        {
            "partner": {"id": "p3"},
            "even": 0.0,
            "roleWeighted": 0.0,
            "firstTouch": 0.0,
            "lastTouch": 0.0,
            "declared": 0.0,
            "timeDecay": 0.0,
            "spread": 0.0,
        }
    ]
    backwards = live_server.gql(COMPARISON, {"from": "2024-04-01", "to": "2024-03-31", "first": 1})
    assert backwards["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


EARNINGS = """
query ($partner: ID!, $from: Date!, $to: Date!) {
  partnerEarnings(partnerId: $partner, from: $from, to: $to) {
    partner { id } from to total
    partnerships {
      partnershipId amount program { id commissionType commissionRate flatAmount }
      lines { deal { id } leadId date basis rate amount }
    }
  }
}
"""


def earnings(server: LiveServer, partner: str) -> dict[str, Any]:
    body = server.gql(EARNINGS, {"partner": partner, **Q1})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 1
    result: dict[str, Any] = body["data"]["partnerEarnings"]
    return result


async def test_partner_earnings_by_program_terms(
    live_server: LiveServer, intel_graph: Store
) -> None:
    # p1 / ps1 in Reseller (20 %): DECLARED credit on won deals closed in Q1 is
    # dB 50 (closed 01-01, the first day) and dA 600 (closed 03-31, the last day):
    # 20 % -> 10.00 + 120.00.
    p1 = earnings(live_server, "p1")
    assert p1["total"] == 130.0
    assert p1["partnerships"] == [
        {
            "partnershipId": "ps1",
            "amount": 130.0,
            "program": {
                "id": "prg-res",
                "commissionType": "percent_of_deal",
                "commissionRate": 0.2,
                "flatAmount": None,
            },
            "lines": [
                {"deal": {"id": "dB"}, "leadId": None, "date": "2024-01-01", "basis": 50.0,
                 "rate": 0.2, "amount": 10.0},
                {"deal": {"id": "dA"}, "leadId": None, "date": "2024-03-31", "basis": 600.0,
                 "rate": 0.2, "amount": 120.0},
            ],
        }
    ]  # fmt: skip
    # p2 / ps2 in Referral (1000 per converted lead): l1 converted 03-31 (in), l2
    # converted 04-01 (out), l3 never converted -> one line of 1000. Its credit on
    # dA and dB earns nothing under a per-lead program.
    p2 = earnings(live_server, "p2")
    assert p2["total"] == 1000.0
    assert p2["partnerships"][0]["lines"] == [
        {"deal": {"id": "dA"}, "leadId": "l1", "date": "2024-03-31", "basis": 1.0,
         "rate": 1000.0, "amount": 1000.0}
    ]  # fmt: skip
    # p3 / ps3: dB 25 -> 5.00 and the zero-amount dD -> 0.00.
    p3 = earnings(live_server, "p3")
    assert p3["total"] == 5.0
    assert [line["amount"] for line in p3["partnerships"][0]["lines"]] == [5.0, 0.0]
    # p4 holds ps4 but has no deals; p5 holds no partnership at all.
    assert earnings(live_server, "p4")["partnerships"] == [
        {
            "partnershipId": "ps4",
            "amount": 0.0,
            "program": {
                "id": "prg-res",
                "commissionType": "percent_of_deal",
                "commissionRate": 0.2,
                "flatAmount": None,
            },
            "lines": [],
        }
    ]
    p5 = earnings(live_server, "p5")
    assert (p5["total"], p5["partnerships"]) == (0.0, [])
