"""The forecast backtest on the small history of tests/forecast_fixture.py, by hand,
and ``graph-api backtest`` against the same store."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from graph_api.embedded import Connection
from graph_api.forecast.backtest import backtest, brier, mape
from graph_api.store import Store
from tests.support.forecast import build_history

PA = (4 + 10 * 5 / 8) / (6 + 10)  # pA's calibrated win rate (see tests/test_forecast.py)
CLOSES = 10 / 11  # the close rate at 2025-01-01 (see tests/test_forecast.py)


def test_scores_of_plain_numbers() -> None:
    # Months without won value have no percentage error; an unknown forecast, no MAPE.
    assert mape([(100.0, 50.0), (0.0, 10.0), (200.0, 300.0)]) == pytest.approx(0.5)
    assert mape([(100.0, None)]) is None and mape([(0.0, 1.0)]) is None
    assert brier([(0.8, 1), (0.3, 0)]) == pytest.approx((0.04 + 0.09) / 2)
    assert brier([]) is None and brier([(None, 1)]) is None


async def test_backtest_by_hand(store: Store) -> None:
    await build_history(store)
    # Hide from 2025-01-01: the window runs to the latest close, w1 on 2025-01-15.
    report = await backtest(store, months=1, group_by="tier", cutoff=dt.date(2025, 1, 1))
    assert (report.cutoff, report.end, report.months) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 15),
        1,
    )
    assert (report.history_closed, report.history_won) == (10, 6)
    # silver (pC) won nothing and expects nothing by 01-15: not scored.
    [gold] = report.groups
    assert (gold.group, gold.partners, gold.actual) == ("gold", 2, 800.0)
    # Expected by 01-15: o5 (400) and w1 (800), both overdue, at pA's calibrated rate.
    assert gold.calibrated == pytest.approx(1200 * PA * CLOSES, abs=0.01)
    # (from the month figure, rounded to cents)
    assert gold.mape_calibrated == pytest.approx(abs(800 - 1200 * PA * CLOSES) / 800, abs=1e-4)
    # Gold's won value per quarter of 2024: 0, 0, 400, 700: slope 250, intercept -100;
    # January's middle sits at x = 3.5 + 0.5 / 3.
    trend = (-100 + 250 * (3.5 + 0.5 / 3)) / 3
    assert gold.mape_trend == pytest.approx(abs(800 - trend) / 800, abs=1e-4)
    assert gold.mape_baseline == pytest.approx(abs(800 - 700 / 3) / 800)
    assert report.mape_calibrated == gold.mape_calibrated
    # w1, open at the cutoff and won in the window, is the one deal with an outcome.
    assert report.brier_deals == 1
    assert report.brier_calibrated == pytest.approx((1 - PA) ** 2)
    assert report.brier_baseline == pytest.approx((1 - 0.6) ** 2)


async def test_backtest_command(migrated: Connection, store: Store) -> None:
    await build_history(store)
    env = {
        **os.environ,
        "NEO4J_URI": migrated.uri,
        "NEO4J_USER": migrated.user,
        "NEO4J_PASSWORD": migrated.password,
        "NEO4J_DATABASE": migrated.database,
    }
    command = [sys.executable, "-m", "graph_api", "backtest"]
    done = subprocess.run(
        [*command, "--months", "3", "--group-by", "partner", "--json"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    # Three months ending with January 2025: from 2024-11-01, so h6 (11-30) is hidden too.
    assert (report["cutoff"], report["end"], report["months"]) == ("2024-11-01", "2025-01-15", 3)
    assert report["history_closed"] == 9
    assert [g["group"] for g in report["groups"]] == ["pA"]
    # h6 lost in the window; w1 was created on the cutoff day, so the model never saw it.
    assert report["brier_deals"] == 1
    # Before 2024-11-01 pA closed 5 (4 won), gold 7 (5 won), everyone 9 (6 won).
    pa = (4 + 10 * 5 / 7) / (5 + 10)
    assert report["brier_calibrated"] == pytest.approx(pa**2)
    assert report["brier_baseline"] == pytest.approx((6 / 9) ** 2)
    table = subprocess.run(
        [*command, "--months", "3"], env=env, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert table.returncode == 0 and "Brier score over 1 deal(s)" in table.stdout
    refused = subprocess.run(
        [*command, "--months", "0"], env=env, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert refused.returncode == 1 and "--months" in refused.stderr
