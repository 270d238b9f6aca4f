"""``forecast`` over HTTP on the history of tests/support/forecast.py, every figure
worked out by hand below."""

from __future__ import annotations

from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.forecast import WINDOW, build_history
from tests.support.security import auth, secure_server
from tests.support.servers import LiveServer

FORECAST = """
query ($partner: ID, $by: ForecastGrouping! = PARTNER, $from: Date!, $to: Date!,
       $quarters: Int = 2, $stages: [StageProbabilityInput!]) {
  forecast(partnerId: $partner, groupBy: $by, from: $from, to: $to, quarters: $quarters,
           stageProbabilities: $stages) {
    from to groupBy
    history { closedDeals wonDeals winRate enough medianCycleDays staleAfterDays closeRate
              closeRateDeals }
    stageProbabilities { stage probability source closedDeals }
    groups {
      key name partners closedDeals wonDeals winRate calibratedWinRate priorWinRate
      priorSource overdueDeals overdueValue staleDeals staleValue
      months { month start end openDeals openPipeline weightedPipeline
               calibratedExpectation expectedWins runRate }
      runRate { quarters { start end wonValue wonDeals } slopePerQuarter perMonth }
      goals { goalId metric target actual projected attainment atRisk method }
      notes
    }
    notes
  }
}
"""

# Learned from the 10 closed deals: 6 won overall; pA 4 of 6; tier gold (pA, pB) 5 of 8.
GOLD = 5 / 8
PA = (4 + 10 * GOLD) / (6 + 10)  # 0.640625
PB = (1 + 10 * GOLD) / (2 + 10)
PROPOSAL = 4 / 6  # h1..h6 were recorded at proposal, 4 of them won
OVERALL = 0.6  # stands in for stages with fewer than 5 closed deals recorded there
# Deals created over 90 days before the cutoff: h1..h10 closed, o4 still open.
CLOSES = 10 / 11


def forecast(server: LiveServer, **variables: Any) -> dict[str, Any]:
    body = server.gql(FORECAST, {**WINDOW, **variables})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 1
    result: dict[str, Any] = body["data"]["forecast"]
    return result


async def test_partner_forecast_by_hand(server: LiveServer, store: Store) -> None:
    await build_history(store)
    result = forecast(server, partner="pA")
    assert result["history"] == {
        "closedDeals": 10,
        "wonDeals": 6,
        "winRate": 0.6,
        "enough": True,
        "medianCycleDays": 60,  # cycles 30,30,30,60,60,60,90,90,90,120
        "staleAfterDays": 90,  # nearest-rank 90th percentile: the 9th of 10
        "closeRate": round(CLOSES, 6),
        "closeRateDeals": 11,
    }
    assert result["stageProbabilities"] == [
        {"stage": "PROSPECT", "probability": 0.6, "source": "OVERALL", "closedDeals": 0},
        {"stage": "QUALIFIED", "probability": 0.6, "source": "OVERALL", "closedDeals": 2},
        {"stage": "PROPOSAL", "probability": round(PROPOSAL, 6), "source": "LEARNED",
         "closedDeals": 6},
        {"stage": "NEGOTIATION", "probability": 0.6, "source": "OVERALL", "closedDeals": 0},
    ]  # fmt: skip
    [group] = result["groups"]
    assert group["key"] == "pA" and group["name"] == "Alpha" and group["partners"] == 1
    assert (group["closedDeals"], group["wonDeals"]) == (6, 4)
    assert group["calibratedWinRate"] == pytest.approx(PA)
    assert group["priorWinRate"] == GOLD and group["priorSource"] == "tier"
    # o5 (close date 2024-12-20) and w1 (closed after the cutoff, expected 2024-12-31)
    # are overdue and count in January; o4 (214 days old, no close date) is stale;
    # o7 closes after `to`; o8 was created after the cutoff.
    assert (group["overdueDeals"], group["overdueValue"]) == (2, 1200.0)
    assert (group["staleDeals"], group["staleValue"]) == (1, 300.0)
    jan, feb, mar = group["months"]
    assert jan["month"] == "2025-01" and jan["start"] == "2025-01-01" and jan["end"] == "2025-01-31"
    # January: o1 1000 and o5 400 at proposal, w1 800 with its stage unknown (overall rate).
    assert (jan["openDeals"], jan["openPipeline"]) == (3, 2200.0)
    assert jan["weightedPipeline"] == pytest.approx(
        (1400 * PROPOSAL + 800 * OVERALL) * CLOSES, abs=0.01
    )
    assert jan["calibratedExpectation"] == pytest.approx(2200 * PA * CLOSES, abs=0.01)
    assert jan["expectedWins"] == pytest.approx(3 * PA * CLOSES)
    # February: o2 500 at qualified, expected 2024-12-15 + 60 days = 2025-02-13.
    assert (feb["openDeals"], feb["openPipeline"]) == (1, 500.0)
    assert feb["weightedPipeline"] == pytest.approx(500 * OVERALL * CLOSES, abs=0.01)
    assert feb["calibratedExpectation"] == pytest.approx(500 * PA * CLOSES, abs=0.01)
    # March: o3 2000 at negotiation; only pA of its two partners is in this group.
    assert mar["weightedPipeline"] == pytest.approx(2000 * OVERALL * CLOSES, abs=0.01)
    assert mar["calibratedExpectation"] == pytest.approx(2000 * PA * CLOSES, abs=0.01)
    # Won value: 300 in Q3 2024 (h1, h2), 700 in Q4 (h3, h4): slope 400 a quarter; the
    # line at month m's middle (x = 1.5 + (m + 0.5) / 3), per month.
    trend = group["runRate"]
    assert trend["quarters"] == [
        {"start": "2024-07-01", "end": "2024-09-30", "wonValue": 300.0, "wonDeals": 2},
        {"start": "2024-10-01", "end": "2024-12-31", "wonValue": 700.0, "wonDeals": 2},
    ]
    assert trend["slopePerQuarter"] == 400.0 and trend["perMonth"] == pytest.approx(
        700 / 3, abs=0.01
    )
    for index, month in enumerate((jan, feb, mar)):
        x = 1.5 + (index + 0.5) / 3
        assert month["runRate"] == pytest.approx((300 + 400 * x) / 3, abs=0.01)
    goals = {g["goalId"]: g for g in group["goals"]}
    assert set(goals) == {"g1", "g2", "g3"}  # g0 ended before `from`
    # g1: 700 won since 2024-10-01, plus the calibrated pipeline expected by 03-31:
    # o1, o5, w1, o2, o3 = 4700.
    assert goals["g1"]["actual"] == 700.0
    assert goals["g1"]["projected"] == pytest.approx(700 + 4700 * PA * CLOSES, abs=0.01)
    assert goals["g1"]["atRisk"] is False and goals["g1"]["method"] == "calibrated pipeline"
    # g2: 4 deals won since 2024-07-01, plus 6 expected deals (o7 too, by 06-30) x PA.
    assert goals["g2"]["actual"] == 4.0
    assert goals["g2"]["projected"] == pytest.approx(4 + 6 * PA * CLOSES, abs=0.01)
    assert goals["g2"]["atRisk"] is True
    assert goals["g2"]["attainment"] == pytest.approx((4 + 6 * PA * CLOSES) / 10, abs=0.001)
    # g3: 1 registration in the 31 days before the cutoff, at that pace over 62 days: 2.
    assert goals["g3"] == {
        "goalId": "g3", "metric": "registrations", "target": 2.0, "actual": 1.0,
        "projected": 2.0, "attainment": 1.0, "atRisk": False, "method": "pace",
    }  # fmt: skip
    assert group["notes"] == [
        "only 6 closed deal(s) of its own: its calibrated rate leans on its prior"
    ]


async def test_configured_stage_probabilities(server: LiveServer, store: Store) -> None:
    await build_history(store)
    stages = [{"stage": "PROPOSAL", "probability": 0.5}]
    result = forecast(server, partner="pA", stages=stages)
    assert result["stageProbabilities"][2] == {
        "stage": "PROPOSAL", "probability": 0.5, "source": "CONFIGURED", "closedDeals": 6,
    }  # fmt: skip
    jan = result["groups"][0]["months"][0]
    assert jan["weightedPipeline"] == pytest.approx((1400 * 0.5 + 800 * OVERALL) * CLOSES, abs=0.01)


async def test_tier_group_mixes_its_partners_rates(server: LiveServer, store: Store) -> None:
    await build_history(store)
    [gold] = forecast(server, partner="pA", by="TIER")["groups"]
    assert (gold["key"], gold["partners"], gold["closedDeals"], gold["wonDeals"]) == (
        "gold",
        2,
        8,
        5,
    )
    assert gold["calibratedWinRate"] is None and gold["goals"] == []
    # o3 is credited to pA and pB: the mean of their calibrated rates.
    assert gold["months"][2]["calibratedExpectation"] == pytest.approx(
        2000 * (PA + PB) / 2 * CLOSES, abs=0.01
    )
    everyone = forecast(server, by="PROGRAM")["groups"]
    assert [(g["key"], g["name"], g["partners"]) for g in everyone] == [
        ("prg-1", "Resell", 2),
        ("prg-2", "Alliance", 1),
    ]


async def test_too_little_history_is_said(server: LiveServer, store: Store) -> None:
    await build_history(store)
    result = forecast(server, partner="pA", **{"from": "2024-07-15", "to": "2024-08-31"})
    assert result["history"]["closedDeals"] == 2 and result["history"]["enough"] is False
    assert any("at least 5 are needed" in note for note in result["notes"])
    for month in result["groups"][0]["months"]:
        assert month["weightedPipeline"] is None and month["calibratedExpectation"] is None
    assert result["groups"][0]["calibratedWinRate"] is None


@pytest.mark.parametrize(
    ("variables", "code", "fragment"),
    [
        ({"from": "2025-04-01", "to": "2025-03-01"}, "BAD_USER_INPUT", "`from`"),
        ({"stages": [{"stage": "WON", "probability": 0.5}]}, "BAD_USER_INPUT", "open stage"),
        ({"stages": [{"stage": "PROPOSAL", "probability": 1.5}]}, "BAD_USER_INPUT", "0..1"),
        (
            {"stages": [{"stage": "PROPOSAL", "probability": 0.1}] * 2},
            "BAD_USER_INPUT",
            "twice",
        ),
        ({"quarters": 0}, "BAD_USER_INPUT", "quarters"),
        ({"quarters": 13}, "LIMIT_EXCEEDED", "quarters"),
        ({"from": "2025-01-01", "to": "2028-01-31"}, "LIMIT_EXCEEDED", "months"),
        ({"partner": " pA"}, "BAD_USER_INPUT", "partnerId"),
    ],
)
async def test_bad_arguments_are_typed_errors(
    server: LiveServer, store: Store, variables: dict[str, Any], code: str, fragment: str
) -> None:
    body = server.gql(FORECAST, {**WINDOW, "partner": "pA", **variables})
    [error] = body["errors"]
    assert error["extensions"]["code"] == code and fragment in error["message"]
    assert body["data"] is None or body["data"]["forecast"] is None


async def test_partner_token_forecasts_only_its_scope(migrated: Connection, store: Store) -> None:
    await build_history(store)
    with secure_server(migrated) as server:
        headers = auth("partner", "pC")
        hidden = server.gql(FORECAST, {**WINDOW, "partner": "pA"}, headers).json()
        assert hidden["data"] == {"forecast": None}
        body = server.gql(FORECAST, {**WINDOW, "by": "TIER"}, headers).json()
        groups = body["data"]["forecast"]["groups"]
        assert [(g["key"], g["partners"]) for g in groups] == [("silver", 1)]
        # February: o6 700 at proposal, pC's only open deal.
        assert groups[0]["months"][1]["openPipeline"] == 700.0
        mine = server.gql(FORECAST, {**WINDOW}, headers).json()["data"]["forecast"]
        assert [g["key"] for g in mine["groups"]] == ["pC"]
