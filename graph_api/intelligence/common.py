"""Argument checks, the statement a field sends, and money arithmetic shared by the fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Annotated, Any, NamedTuple

import strawberry

from graph_api.cypher import NamedQuery
from graph_api.errors import InvalidArgument, LimitExceeded

MAX_ID_LENGTH = 200
CENT = Decimal("0.01")


class Statement(NamedTuple):
    """A field's named statement with the parameters it sends for some arguments.

    Each field has one function that checks its arguments and builds this; the
    resolver and ``graph-api bench`` both call it, so the bench times exactly
    what the endpoint sends.
    """

    query: NamedQuery
    params: dict[str, Any]


def check_id(value: object, argument: str) -> str:
    """An id argument: a non-empty printable string of at most 200 characters."""
    text = str(value)
    if not text or len(text) > MAX_ID_LENGTH or not text.isprintable() or text != text.strip():
        raise InvalidArgument(
            f"`{argument}` must be a non-empty id of at most {MAX_ID_LENGTH} printable "
            "characters without surrounding spaces",
            argument=argument,
        )
    return text


def check_period(start: object, end: object) -> tuple[dt.date, dt.date]:
    """A closed date range [from, to]; both bounds are inclusive."""
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        raise InvalidArgument("`from` must be a date (YYYY-MM-DD)", argument="from")
    if not isinstance(end, dt.date) or isinstance(end, dt.datetime):
        raise InvalidArgument("`to` must be a date (YYYY-MM-DD)", argument="to")
    if start > end:
        raise InvalidArgument("`from` must not be after `to`", argument="from")
    return start, end


MAX_PERIOD_DAYS = 3660  # about ten years


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date of [start, end]: period queries look each one up in a date index."""
    length = (end - start).days + 1
    if length > MAX_PERIOD_DAYS:
        raise LimitExceeded(
            "period_days",
            f"the period spans {length} days; the longest allowed is {MAX_PERIOD_DAYS}",
            maximum=MAX_PERIOD_DAYS,
        )
    return [start + dt.timedelta(days=i) for i in range(length)]


def check_count(value: int, argument: str, maximum: int, minimum: int = 1) -> int:
    if value < minimum:
        raise InvalidArgument(f"`{argument}` must be at least {minimum}", argument=argument)
    if value > maximum:
        raise LimitExceeded(
            argument,
            f"`{argument}` is {value}; the largest allowed value is {maximum}",
            maximum=maximum,
        )
    return value


def or_default(value: int | None, default: int) -> int:
    """The contract's optional Int arguments (`first: Int = 20`): an explicit null
    means the default."""
    return default if value is None else value


def money(value: Any) -> Decimal:
    """An amount from the graph rounded half-up to cents (missing counts as 0)."""
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def split_cents(amount: Decimal, weights: Sequence[tuple[str, float]]) -> dict[str, Decimal]:
    """Split ``amount`` by ``weights`` so that the parts add up to it exactly.

    Largest-remainder method on cents: each key gets the floor of its exact
    share in cents; the cents left over go one each to the keys with the
    largest fractional remainders, ties going to the smaller key. Keys with
    weight 0 get 0. If every weight is 0 the split is even.
    """
    if not weights:
        return {}
    total_weight = sum(Decimal(str(max(w, 0.0))) for _, w in weights)
    if total_weight == 0:
        weights = [(key, 1.0) for key, _ in weights]
        total_weight = Decimal(len(weights))
    cents = int((amount / CENT).to_integral_value())
    exact = {key: Decimal(cents) * Decimal(str(max(w, 0.0))) / total_weight for key, w in weights}
    floors = {
        key: int(value.to_integral_value(rounding=ROUND_FLOOR)) for key, value in exact.items()
    }
    left = cents - sum(floors.values())
    order = sorted(exact, key=lambda key: (-(exact[key] - floors[key]), key))
    for key in order[:left]:
        floors[key] += 1
    return {key: Decimal(value) * CENT for key, value in floors.items()}


def ratio(part: float, whole: float) -> float | None:
    """part / whole, or None when whole is 0 (e.g. a win rate with no closed deals)."""
    return part / whole if whole else None


# Argument types shared by the resolvers; each carries its GraphQL description.
PartnerIdArg = Annotated[
    strawberry.ID, strawberry.argument(description="Stable id of the partner.")
]
OtherPartnerIdArg = Annotated[
    strawberry.ID, strawberry.argument(description="Stable id of the partner to compare with.")
]
DealIdArg = Annotated[strawberry.ID, strawberry.argument(description="Stable id of the deal.")]
FromArg = Annotated[
    dt.date,
    strawberry.argument(name="from", description="First day of the period (inclusive)."),
]
ToArg = Annotated[dt.date, strawberry.argument(description="Last day of the period (inclusive).")]
