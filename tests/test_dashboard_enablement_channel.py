"""The partner dashboard's enablement and channel sections over HTTP on the real store:
figures for the period, read only when selected, within the caller's scope."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.enablement import load
from tests.support.security import SecureServer, auth, secure_server

DASHBOARD = """
query($p: ID!) {
  partnerDashboard(partnerId: $p, from: "2026-03-01", to: "2026-06-01") {
    partner { id }
    enablement { asOf met completionRate certifications
                 expiring { contact { id } daysLeft } trainingNeeded { course { id } } }
    channel {
      orders orderValue
      orderTrend { month orders value }
      lowStock { productId quantity reorderPoint }
      claimsByStatus { status count amount }
      claimRates { family claims unitsOrdered claimRate }
    }
  }
}
"""


@pytest.fixture(scope="module")
def api(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


async def test_dashboard_shows_enablement_and_the_channel(api: SecureServer, store: Store) -> None:
    await load(store)
    body = api.gql(DASHBOARD, {"p": "dealer"}, auth("partner", "dist")).json()
    assert "errors" not in body, body
    dashboard = body["data"]["partnerDashboard"]
    assert dashboard["enablement"] == {
        "asOf": "2026-06-01",
        "met": True,
        "completionRate": 1.0,
        "certifications": 2,
        "expiring": [{"contact": {"id": "bob"}, "daysLeft": 19}],
        "trainingNeeded": [],
    }
    channel = dashboard["channel"]
    assert (channel["orders"], channel["orderValue"]) == (2, 8000.0)
    assert channel["orderTrend"] == [
        {"month": "2026-03", "orders": 1, "value": 5000.0},
        {"month": "2026-05", "orders": 1, "value": 3000.0},
    ]
    assert channel["lowStock"] == [{"productId": "pump-s", "quantity": 2, "reorderPoint": 5}]
    assert channel["claimsByStatus"] == [
        {"status": "APPROVED", "count": 1, "amount": 400.0},
        {"status": "FILED", "count": 1, "amount": 20.0},
    ]
    assert channel["claimRates"] == [
        {"family": "pumps", "claims": 1, "unitsOrdered": 12, "claimRate": pytest.approx(1 / 12)},
        {"family": "valves", "claims": 1, "unitsOrdered": 50, "claimRate": 0.02},
    ]
    # Another partner's dashboard stays closed, sections and all.
    hidden = api.gql(DASHBOARD, {"p": "dealer"}, auth("partner", "other")).json()
    assert hidden["data"]["partnerDashboard"] is None


async def test_sections_cost_a_round_trip_only_when_selected(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    plain = (
        '{ partnerDashboard(partnerId: "other", from: "2026-01-01", to: "2026-06-01") '
        "{ wonDeals } }"
    )
    full = plain.replace("wonDeals", "wonDeals enablement { met } channel { orders }")
    admin = auth("admin")
    lean = api.gql(plain, {}, admin).json()
    rich = api.gql(full, {}, admin).json()
    assert rich["extensions"]["cypherRoundTrips"] == lean["extensions"]["cypherRoundTrips"] + 2
    other = rich["data"]["partnerDashboard"]
    assert other["channel"] == {"orders": 1}
    assert other["enablement"] == {"met": True}
