"""Pure pieces of the forecast and the leaderboard ranking, without a store."""

from __future__ import annotations

import datetime as dt

from graph_api.forecast import facts, model
from graph_api.leaderboards.standings import Standing, rank

D = dt.date


def test_months_are_clipped_to_the_window() -> None:
    assert model.months_between(D(2025, 1, 15), D(2025, 3, 2)) == [
        (D(2025, 1, 15), D(2025, 1, 31)),
        (D(2025, 2, 1), D(2025, 2, 28)),
        (D(2025, 3, 1), D(2025, 3, 2)),
    ]
    assert model.add_months(D(2024, 11, 30), 3) == D(2025, 2, 1)
    assert model.add_months(D(2025, 1, 31), -1) == D(2024, 12, 1)


def test_quarters_before_a_cutoff_mid_month_keep_its_day() -> None:
    line = model.trend([], D(2025, 3, 31), 2)
    assert [(q.start, q.end) for q in line.quarters] == [
        (D(2024, 9, 30), D(2024, 12, 30)),  # 2024-12-31 would be after 3 months back
        (D(2024, 12, 31), D(2025, 3, 30)),
    ]
    assert line.slope == 0.0 and line.per_month(0.5) == 0.0


def test_nearest_rank_quantile() -> None:
    assert model.quantile([], 0.9) is None
    assert model.quantile([10], 0.9) == 10
    assert model.quantile(list(range(1, 11)), 0.9) == 9
    assert model.quantile(list(range(1, 11)), 0.5) == 5


def test_shrinkage_leans_on_the_tier_until_a_partner_has_deals() -> None:
    partners = [
        facts.PartnerFact("a", None, "gold", None, ()),
        facts.PartnerFact("b", None, "gold", None, ()),
    ]
    deals = [
        facts.DealFact(f"d{i}", 1.0, "won" if i < 6 else "lost", None, D(2024, 1, 1), ("a",))
        for i in range(8)
    ]
    calibration, overall = model.calibrate(partners, deals)
    assert (overall.won, overall.closed) == (6, 8)
    assert calibration["a"].probability == (6 + 10 * 0.75) / (8 + 10)
    assert calibration["b"].probability == 0.75  # no deals of its own: the tier's rate
    alone, _ = model.calibrate(partners, deals[:4])  # 4 closed: too few to learn
    assert alone["a"].probability is None and alone["a"].prior_source == "none"


def test_competition_ranking() -> None:
    rows = [
        Standing({"id": i}, value, True)
        for i, value in (("e", None), ("a", 5.0), ("b", 7.0), ("c", 5.0), ("d", 1.0))
    ]
    ranked = [(s.partner["id"], s.rank, s.tied, s.position) for s in rank(rows)]
    assert ranked == [
        ("b", 1, False, 1),
        ("a", 2, True, 2),
        ("c", 2, True, 3),
        ("d", 4, False, 4),
        ("e", None, False, 5),
    ]
