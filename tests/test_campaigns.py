"""Campaigns through the ingest path, and campaignEffectiveness over HTTP, on the
hand-worked graph of tests/support/campaigns.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.campaigns import build_graph
from tests.support.security import SecureServer, auth, secure_server
from tests.support.servers import LiveServer


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


EFFECTIVENESS = """
query ($id: ID!) {
  campaignEffectiveness(campaignId: $id) {
    campaign { id name channel startDate endDate budget currency }
    figures { ...F }
    partners { partner { id } partnershipIds budgetShare figures { ...F } }
  }
}
fragment F on CampaignFigures {
  leads convertedLeads conversionRate deals wonDeals influencedPipeline wonPipeline
  costPerWonDeal
}
"""


def figures(
    leads: int, converted: int, rate: float | None, deals: int, won: int,
    influenced: float, won_value: float, cost: float | None,
) -> dict[str, Any]:  # fmt: skip
    return {
        "leads": leads,
        "convertedLeads": converted,
        "conversionRate": rate,
        "deals": deals,
        "wonDeals": won,
        "influencedPipeline": influenced,
        "wonPipeline": won_value,
        "costPerWonDeal": cost,
    }


PA = figures(3, 2, 0.666667, 3, 2, 3000.0, 3000.0, 750.0)
PB = figures(1, 1, 1.0, 2, 1, 2600.0, 2000.0, 1500.0)


async def test_campaign_effectiveness_by_hand(server: LiveServer, store: Store) -> None:
    await build_graph(store)
    body = server.gql(EFFECTIVENESS, {"id": "cmp1"})
    assert "errors" not in body, body
    result = body["data"]["campaignEffectiveness"]
    assert result["campaign"] == {
        "id": "cmp1", "name": "Spring webinar", "channel": "webinar",
        "startDate": "2024-01-01", "endDate": "2024-03-31", "budget": 3000.0, "currency": "USD",
    }  # fmt: skip
    assert result["figures"] == figures(5, 3, 0.6, 4, 2, 3600.0, 3000.0, 1500.0)
    assert result["partners"] == [
        {"partner": {"id": "pa"}, "partnershipIds": ["psa"], "budgetShare": 1500.0,
         "figures": PA},
        {"partner": {"id": "pb"}, "partnershipIds": ["psb"], "budgetShare": 1500.0,
         "figures": PB},
    ]  # fmt: skip
    # A campaign without leads or deals; an unknown one; a malformed id.
    quiet = server.gql(EFFECTIVENESS, {"id": "cmp2"})["data"]["campaignEffectiveness"]
    assert quiet["figures"] == figures(0, 0, None, 0, 0, 0.0, 0.0, None)
    assert quiet["partners"][0]["budgetShare"] == 500.0
    assert server.gql(EFFECTIVENESS, {"id": "nope"})["data"] == {"campaignEffectiveness": None}
    bad = server.gql(EFFECTIVENESS, {"id": " cmp1"})
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_campaign_effectiveness_is_scoped(secured: SecureServer, store: Store) -> None:
    await build_graph(store)

    def effectiveness(partner: str, campaign: str) -> Any:
        response = secured.gql(EFFECTIVENESS, {"id": campaign}, auth("partner", partner))
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        return body["data"]["campaignEffectiveness"]

    # pa sees its own part only: lx (no partnership) and pb's lead and deal are left out.
    mine = effectiveness("pa", "cmp1")
    assert mine["figures"] == {**PA, "costPerWonDeal": 1500.0}  # the whole budget / 2 wins
    assert [p["partner"]["id"] for p in mine["partners"]] == ["pa"]
    assert mine["partners"][0]["figures"] == PA
    # pc runs only cmp2: cmp1 answers as an unknown campaign does.
    assert effectiveness("pc", "cmp1") is None
    assert effectiveness("pc", "nope") is None
    assert effectiveness("pc", "cmp2")["campaign"]["id"] == "cmp2"
