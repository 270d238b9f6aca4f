"""graph_api/intelligence/credit.py without a store: the weights of each attribution
model, and money split into cents that add up to the deal amount exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from graph_api.config import CreditTerms
from graph_api.intelligence.common import split_cents
from graph_api.intelligence.credit import AttributionModel, Line, credit, weights

TERMS = CreditTerms()


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T00:00:00+00:00")


def line(
    pid: str, role: str | None = None, share: float | None = None, when: str | None = None
) -> Line:
    return Line(pid, role, share, at(when) if when else None)


def cents(amount: str, parts: list[tuple[str, float]]) -> dict[str, str]:
    return {k: str(v) for k, v in split_cents(Decimal(amount), parts).items()}


# --- split_cents ---------------------------------------------------------------------


def test_a_leftover_cent_goes_to_the_smaller_key_on_a_tie() -> None:
    # 10000 cents / 3 = 3333.33 each: one cent is left, all remainders are equal.
    assert cents("100.00", [("c", 1), ("b", 1), ("a", 1)]) == {
        "a": "33.34",
        "b": "33.33",
        "c": "33.33",
    }


def test_leftover_cents_go_to_the_largest_remainders_not_the_largest_weights() -> None:
    # 100 cents by 1:0:2 -> exact 33.33 / 0 / 66.67: the floors leave one cent,
    # and c's remainder (.67) beats a's (.33); b, weighted 0, gets nothing.
    assert cents("1.00", [("a", 1), ("b", 0), ("c", 2)]) == {
        "a": "0.33",
        "b": "0.00",
        "c": "0.67",
    }
    # 10 cents by .45/.55 -> exact 4.5 / 5.5: equal remainders, so the smaller key wins,
    # although b carries the larger weight.
    assert cents("0.10", [("b", 0.55), ("a", 0.45)]) == {"a": "0.05", "b": "0.05"}


def test_all_zero_weights_split_evenly_and_negative_weights_count_as_zero() -> None:
    assert cents("10.00", [("x", 0), ("y", 0)]) == {"x": "5.00", "y": "5.00"}
    assert cents("10.00", [("x", -5), ("y", 1)]) == {"x": "0.00", "y": "10.00"}
    assert split_cents(Decimal("10.00"), []) == {}


@pytest.mark.parametrize("amount", ["0.01", "0.05", "1.00", "99.99", "1234.57", "1000000.03"])
def test_parts_always_add_up_to_the_amount(amount: str) -> None:
    parts = [("a", 0.6), ("b", 0.25), ("c", 0.15), ("d", 1e-9), ("e", 1 / 3)]
    split = split_cents(Decimal(amount), parts)
    assert sum(split.values()) == Decimal(amount)
    assert all(value >= 0 and value == value.quantize(Decimal("0.01")) for value in split.values())


# --- weights per model -----------------------------------------------------------------


LINES = [
    line("ps2", role="referred", share=0.4, when="2024-03-01"),
    line("ps1", role="sourced", share=0.6, when="2024-01-10"),
    line("ps3", role="reviewer", share=None, when=None),
]


def test_even_and_declared_weights() -> None:
    assert weights(LINES, AttributionModel.EVEN, None, TERMS) == [
        ("ps2", 1.0),
        ("ps1", 1.0),
        ("ps3", 1.0),
    ]
    # A missing share counts 0; so does a negative one.
    declared = [*LINES, line("ps4", share=-0.2)]
    assert weights(declared, AttributionModel.DECLARED, None, TERMS) == [
        ("ps2", 0.4),
        ("ps1", 0.6),
        ("ps3", 0.0),
        ("ps4", 0.0),
    ]


def test_role_weights_give_unknown_and_missing_roles_nothing() -> None:
    lines = [*LINES, line("ps4")]
    expected = [("ps2", 0.3), ("ps1", 0.4), ("ps3", 0.0), ("ps4", 0.0)]
    assert weights(lines, AttributionModel.ROLE_WEIGHTED, None, TERMS) == expected
    # Without terms, the documented defaults apply.
    assert weights(lines, AttributionModel.ROLE_WEIGHTED, None) == expected
    custom = CreditTerms(role_weights={"referred": 2.0})
    assert weights(lines, AttributionModel.ROLE_WEIGHTED, None, custom) == [
        ("ps2", 2.0),
        ("ps1", 0.0),
        ("ps3", 0.0),
        ("ps4", 0.0),
    ]


def test_first_and_last_touch_skip_lines_without_a_time() -> None:
    assert dict(weights(LINES, AttributionModel.FIRST_TOUCH, None, TERMS)) == {
        "ps1": 1.0,
        "ps2": 0.0,
        "ps3": 0.0,
    }
    assert dict(weights(LINES, AttributionModel.LAST_TOUCH, None, TERMS)) == {
        "ps1": 0.0,
        "ps2": 1.0,
        "ps3": 0.0,
    }


def test_touch_ties_go_to_the_smaller_partnership_and_timeless_lines_win_only_alone() -> None:
    tied = [line("ps9", when="2024-02-01"), line("ps5", when="2024-02-01")]
    for model in (AttributionModel.FIRST_TOUCH, AttributionModel.LAST_TOUCH):
        assert dict(weights(tied, model, None, TERMS)) == {"ps5": 1.0, "ps9": 0.0}
    timeless = [line("ps9"), line("ps5")]
    assert dict(weights(timeless, AttributionModel.LAST_TOUCH, None, TERMS)) == {
        "ps5": 1.0,
        "ps9": 0.0,
    }


def test_time_decay_halves_every_half_life_before_the_close() -> None:
    close = dt.date(2024, 4, 1)
    lines = [
        line("a", when="2024-03-02"),  # 30 days before the close: one half-life
        line("b", when="2024-01-02"),  # 30 + 29 + 31 = 90 days (2024 is a leap year)
        line("c", when="2024-04-15"),  # after the close: never more than 1
        line("d"),  # no time: no weight
    ]
    assert weights(lines, AttributionModel.TIME_DECAY, close, TERMS) == [
        ("a", 0.5),
        ("b", 0.125),
        ("c", 1.0),
        ("d", 0.0),
    ]
    # An open deal decays from its latest touch; with no touch at all it is even.
    open_deal = [line("a", when="2024-03-02"), line("b", when="2024-04-01")]
    assert weights(open_deal, AttributionModel.TIME_DECAY, None, TERMS) == [
        ("a", 0.5),
        ("b", 1.0),
    ]
    assert weights([line("a"), line("b")], AttributionModel.TIME_DECAY, None, TERMS) == [
        ("a", 1.0),
        ("b", 1.0),
    ]


def test_the_configured_half_life_is_used() -> None:
    slow = CreditTerms(role_weights={}, half_life_days=90.0)
    decayed = weights(
        [line("b", when="2024-01-02")], AttributionModel.TIME_DECAY, dt.date(2024, 4, 1), slow
    )
    assert decayed == [("b", 0.5)]


# --- credit ---------------------------------------------------------------------------


def test_credit_splits_the_amount_by_the_model() -> None:
    close = dt.date(2024, 4, 1)
    lines = [line("a", when="2024-03-02"), line("b", when="2024-01-02")]
    # Weights .5 and .125: 80 % and 20 % of the amount.
    assert credit(Decimal("900.00"), lines, AttributionModel.TIME_DECAY, close, TERMS) == {
        "a": Decimal("720.00"),
        "b": Decimal("180.00"),
    }
    # Roles nobody weighs fall back to an even split rather than crediting nothing.
    unknown = [line("a", role="reviewer"), line("b", role="auditor")]
    assert credit(Decimal("0.03"), unknown, AttributionModel.ROLE_WEIGHTED, None, TERMS) == {
        "a": Decimal("0.02"),
        "b": Decimal("0.01"),
    }
    assert credit(Decimal("500.00"), [], AttributionModel.EVEN, None, TERMS) == {}
