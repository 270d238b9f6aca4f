"""Helpers of the alert tests (no tests here): rules written straight to the graph,
the alerts and alert change entries as stored, a settable clock, and polling.

The graph is tests/support/enablement.py's (partners ``dist`` > ``dealer``, and
``other``; certifications and stock levels), plus the records below.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

from graph_api.alerts.rules import AlertKind
from graph_api.alerts.statements import ALERT_PAGE, ALERT_RULE_WRITE
from graph_api.store import Store
from tests.support.statements import support_query

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)  # the fixture's TODAY, at noon
ALERT_CHANGES = support_query("alert_changes")

# A won-value goal for dealer over 2026: on June 1 the straight line stands at 41%.
GOAL = {
    "type": "Goal", "id": "g-dealer", "partnerId": "dealer", "metric": "won_value",
    "target": 1000, "periodStart": "2026-01-01", "periodEnd": "2026-12-31",
}  # fmt: skip
# Two partners registered deals for the same customer, overlapping.
CONFLICT = [
    {"type": "Deal", "id": "d-dealer", "name": "Plant pumps", "amount": 500,
     "customerId": "cust", "createdDate": "2026-05-01"},
    {"type": "Deal", "id": "d-other", "name": "Plant valves", "amount": 300,
     "customerId": "cust", "createdDate": "2026-05-02"},
    {"type": "Registration", "dealId": "d-dealer", "partnershipId": "ps-dealer",
     "at": "2026-05-01T09:00:00Z", "expiresAt": "2026-08-01T00:00:00Z"},
    {"type": "Registration", "dealId": "d-other", "partnershipId": "ps-other",
     "at": "2026-05-03T09:00:00Z", "expiresAt": "2026-08-01T00:00:00Z"},
]  # fmt: skip


class Clock:
    """An injected clock the test moves by hand."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


async def save_rule(
    store: Store,
    rule_id: str,
    kind: AlertKind,
    days: int | None = None,
    percent: float | None = None,
) -> None:
    await store.write_query(
        ALERT_RULE_WRITE,
        id=rule_id,
        at=NOW,
        name=rule_id,
        kind=kind.value,
        days=days,
        percent=percent,
        enabled=True,
    )


async def alerts(store: Store, status: str | None = None) -> list[dict[str, Any]]:
    """Every alert (of ``status``), as (partner, subject, status) sorted."""
    rows = await store.read(ALERT_PAGE, partners=None, scope=None, status=status, limit=1000)
    return sorted((dict(r["alert"]) for r in rows), key=lambda a: (a["partnerId"], a["id"]))


def summary(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return sorted((a["partnerId"], a["subjectId"], a["status"]) for a in rows)


async def until(check: Callable[[], Any], timeout: float = 60) -> Any:
    """Poll ``check`` (sync or async) until it returns something truthy."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        assert asyncio.get_running_loop().time() < deadline, "condition not reached"
        await asyncio.sleep(0.05)


async def alert_changes(store: Store) -> list[tuple[str, str, list[str]]]:
    """The alert change entries: (alert id, operation, partner ids), in commit order."""
    rows = await store.read(ALERT_CHANGES)
    return [(r["entityId"], r["operation"], list(r["partnerIds"])) for r in rows]
