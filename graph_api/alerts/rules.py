"""What each kind of alert rule watches: its condition statement, the changes that
can make it hold or clear, and whether time alone can."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry

from graph_api.alerts import statements as s
from graph_api.cypher import NamedQuery
from graph_api.values import as_date


@strawberry.enum(description="What an alert rule watches.")
class AlertKind(Enum):
    CERTIFICATION_EXPIRING = strawberry.enum_value(
        "certification_expiring",
        description="A contact's certification expires within `days` days (or has expired).",
    )
    STOCK_LOW = strawberry.enum_value(
        "stock_low", description="A partner's stock of a product is below its reorder point."
    )
    GOAL_AT_RISK = strawberry.enum_value(
        "goal_at_risk",
        description="A goal's progress is more than `percent`% behind the straight line from "
        "its period's start to its target at the period's end.",
    )
    REGISTRATION_CONFLICT = strawberry.enum_value(
        "registration_conflict",
        description="A deal registration overlaps another partner's for the same customer.",
    )
    DEAL_STALLED = strawberry.enum_value(
        "deal_stalled", description="An open deal has not changed for `days` days."
    )


@dataclass(frozen=True)
class Kind:
    statement: NamedQuery
    moved_by: frozenset[str]  # entity types whose changes can make it hold or clear
    # Whether a change concerns only the alerts of the partners it names; a
    # registration also conflicts with other partners' registrations.
    local: bool = True
    days: int | None = None  # default parameters
    percent: float | None = None


KINDS: dict[AlertKind, Kind] = {
    AlertKind.CERTIFICATION_EXPIRING: Kind(
        s.WHEN_CERTIFICATION_EXPIRING,
        frozenset({"CERTIFIED", "WORKS_FOR", "Contact", "Course", "Partner"}),
        days=30,  # time alone makes it hold: the schedule evaluates it
    ),
    AlertKind.STOCK_LOW: Kind(s.WHEN_STOCK_LOW, frozenset({"STOCKS", "Product", "Partner"})),
    AlertKind.GOAL_AT_RISK: Kind(
        s.WHEN_GOAL_AT_RISK,
        frozenset({"Goal", "Deal", "ATTRIBUTED", "REGISTERED", "Lead", "Partnership", "Partner"}),
        percent=20.0,  # the straight line moves every day: so does the schedule
    ),
    AlertKind.REGISTRATION_CONFLICT: Kind(
        s.WHEN_REGISTRATION_CONFLICT,
        # Not Deal: its stage or amount moves no conflict; a deal moved to another
        # customer is caught by the schedule, which evaluates every rule.
        frozenset({"REGISTERED", "Customer", "Partnership", "Partner"}),
        local=False,
    ),
    AlertKind.DEAL_STALLED: Kind(
        s.WHEN_DEAL_STALLED,
        frozenset({"Deal", "ATTRIBUTED", "REGISTERED", "Partnership", "Partner"}),
        days=14,  # time alone makes it hold
    ),
}


def parameters(rule: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    """The condition statement's parameters for ``rule`` at ``now`` (UTC)."""
    days = int(rule.get("days") or 0)
    return {
        "today": now.date(),
        "until": now.date() + dt.timedelta(days=days),
        "before": now - dt.timedelta(days=days),
    }


def holds(kind: AlertKind, rule: dict[str, Any], detail: dict[str, Any], today: dt.date) -> bool:
    """Whether a candidate row of the kind's statement is a condition that holds; only
    `goal at risk` decides here (behind the straight line by more than `percent`%)."""
    if kind is not AlertKind.GOAL_AT_RISK:
        return True
    start, end = as_date(detail.get("periodStart")), as_date(detail.get("periodEnd"))
    target, actual = detail.get("target"), detail.get("actual")
    if start is None or end is None or target is None or actual is None:
        return False
    expected = float(target) * behind_line(start, end, today)
    percent = float(rule.get("percent") or 0.0)
    return float(actual) < expected * (1.0 - percent / 100.0)


def behind_line(start: dt.date, end: dt.date, today: dt.date) -> float:
    """The share of the period elapsed before ``today``: where the straight line to the
    target stands (0 on the first day, reaching 1 after the last)."""
    total = (end - start).days + 1
    return min(max((today - start).days / total, 0.0), 1.0)
