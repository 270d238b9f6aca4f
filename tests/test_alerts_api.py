"""Alerts through the real app: an admin saves a rule, the alerts it raises reach
a WebSocket subscriber (``alertRaised``) and a webhook receiver through the change
feed, resolving is delivered too, and partner tokens see only their own alerts (a
distributor also its resellers')."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.alerts import alerts, summary, until
from tests.support.enablement import load
from tests.support.events import GqlWs, Receiver, fast_settings, gql, run_app
from tests.support.security import auth, graph_counts, secure_server

RULE = """
mutation ($input: AlertRuleInput!) {
  upsertAlertRule(input: $input) {
    __typename
    ... on AlertRulePayload { rule { id name kind days percent enabled } }
    ... on ValidationError { fields { path reason } }
  }
}
"""
STOCK_RULE = {"id": "stock", "name": "Stock below reorder point", "kind": "STOCK_LOW"}
RAISED = """
subscription ($p: ID) { alertRaised(partnerId: $p) { id partnerId subjectId kind status } }
"""
REGISTER = """
mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { __typename }
}
"""
SET_STOCK = """
mutation ($input: StockLevelInput!) { setStockLevel(input: $input) { __typename } }
"""
ALERTS = """
query ($p: ID, $s: AlertStatus) {
  alerts(partnerId: $p, status: $s) { id partnerId subjectType subjectId status detail }
}
"""
ACK = """
mutation ($id: ID!) {
  acknowledgeAlert(id: $id) {
    __typename
    ... on AlertPayload { alert { id status acknowledgedAt } }
    ... on NotFoundError { id }
  }
}
"""
PUMP = "dealer->pump-s"
VALVE = "other->valve"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    try:
        yield r
    finally:
        r.stop()


async def test_alerts_reach_a_subscriber_and_a_webhook(
    migrated: Connection, store: Store, receiver: Receiver
) -> None:
    await load(store)
    with run_app(fast_settings(webhook_allow_private=True), migrated) as app:
        registered = await gql(
            app.url, REGISTER, {"input": {"url": receiver.url, "eventTypes": ["Alert"]}}
        )
        assert registered["registerWebhookEndpoint"]["__typename"] != "ValidationError"
        async with GqlWs(app.ws_url) as ws:
            await ws.subscribe("dist", RAISED, {"p": "dist"})
            await ws.subscribe("other", RAISED, {"p": "other"})
            await ws.ready()
            saved = await gql(app.url, RULE, {"input": STOCK_RULE})
            assert saved["upsertAlertRule"]["rule"]["kind"] == "STOCK_LOW"
            # The distributor's subscription hears its reseller's alert; other's its own.
            [dist] = await ws.events("dist", 1)
            [other] = await ws.events("other", 1)
            assert dist["alertRaised"]["partnerId"] == "dealer"
            assert dist["alertRaised"]["subjectId"] == PUMP
            assert dist["alertRaised"]["status"] == "OPEN"
            assert other["alertRaised"]["subjectId"] == VALVE
            hits = await asyncio.to_thread(receiver.wait_for, 2)
            assert sorted((h.json["eventType"], h.json["partnerIds"][0]) for h in hits) == [
                ("Alert.create", "dealer"),
                ("Alert.create", "other"),
            ]
            # Replenished through the API: the alert resolves, and the webhook hears it.
            stock = {"partnerId": "dealer", "productId": "pump-s", "quantity": 30}
            assert (await gql(app.url, SET_STOCK, {"input": stock}))["setStockLevel"]
            hits = await asyncio.to_thread(receiver.wait_for, 3)
            update = hits[2].json
            assert update["eventType"] == "Alert.update" and update["partnerIds"] == ["dealer"]
            assert update["after"]["status"] == "resolved"
            assert update["before"]["status"] == "open"
            # Saving the same rule again raises nothing more.
            await gql(app.url, RULE, {"input": STOCK_RULE})
            assert summary(await alerts(store)) == [
                ("dealer", PUMP, "resolved"),
                ("other", VALVE, "open"),
            ]


def _alerts(server: Any, headers: dict[str, str], **variables: Any) -> Any:
    return server.gql(ALERTS, variables, headers).json()


async def test_partners_see_and_acknowledge_only_their_own_alerts(
    migrated: Connection, store: Store
) -> None:
    await load(store)
    with secure_server(migrated) as server:
        admin = auth("admin")
        for role, partner in (("partner", "dealer"), ("analyst", None)):
            body = server.gql(RULE, {"input": STOCK_RULE}, auth(role, partner)).json()
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
        counts = await graph_counts(store)
        bad = {**STOCK_RULE, "kind": "DEAL_STALLED", "days": 0, "name": " "}
        body = server.gql(RULE, {"input": bad}, admin).json()
        fields = body["data"]["upsertAlertRule"]["fields"]
        assert sorted(f["path"][0] for f in fields) == ["days", "name"]
        assert await graph_counts(store) == counts  # nothing changed
        body = server.gql(RULE, {"input": STOCK_RULE}, admin).json()
        assert body["data"]["upsertAlertRule"]["__typename"] == "AlertRulePayload", body
        evaluated = server.gql("mutation { evaluateAlerts { raised { id } } }", {}, admin).json()
        assert "errors" not in evaluated, evaluated

        async def both() -> list[Any]:
            return [a for a in await alerts(store) if a["status"] == "open"]

        await until(both)
        await until(lambda: len(_alerts(server, admin)["data"]["alerts"]) == 2)

        def seen(headers: dict[str, str], **variables: Any) -> list[str]:
            return sorted(
                a["subjectId"] for a in _alerts(server, headers, **variables)["data"]["alerts"]
            )

        dealer, dist, other = (
            auth("partner", "dealer"),
            auth("partner", "dist"),
            auth("partner", "other"),
        )
        assert seen(dealer) == [PUMP]
        assert seen(dist) == [PUMP]  # its reseller's
        assert seen(dist, p="dist") == [PUMP]
        assert seen(other) == [VALVE]
        assert seen(admin) == [PUMP, VALVE]
        assert seen(admin, p="other", s="OPEN") == [VALVE]
        refused = _alerts(server, dealer, p="other")
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        # Acknowledging: another partner's alert is not found; one's own is acknowledged once.
        valve = next(
            a["id"] for a in _alerts(server, admin)["data"]["alerts"] if a["subjectId"] == VALVE
        )
        pump = next(
            a["id"] for a in _alerts(server, admin)["data"]["alerts"] if a["subjectId"] == PUMP
        )
        body = server.gql(ACK, {"id": valve}, dealer).json()
        assert body["data"]["acknowledgeAlert"] == {"__typename": "NotFoundError", "id": valve}
        body = server.gql(ACK, {"id": pump}, auth("analyst")).json()
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        body = server.gql(ACK, {"id": pump}, dist).json()  # the distributor, for its reseller
        assert body["data"]["acknowledgeAlert"]["alert"]["status"] == "ACKNOWLEDGED"
        again = server.gql(ACK, {"id": pump}, dealer).json()["data"]["acknowledgeAlert"]
        assert (
            again["alert"]["acknowledgedAt"]
            == body["data"]["acknowledgeAlert"]["alert"]["acknowledgedAt"]
        )
        assert seen(dealer, s="ACKNOWLEDGED") == [PUMP]
        # The alert changes stay out of other partners' change logs.
        changes = server.gql(
            "query { changes(first: 50) { nodes { entityType entityId } } }", {}, other
        ).json()["data"]["changes"]["nodes"]
        assert [c["entityId"] for c in changes if c["entityType"] == "Alert"] == [valve]
        rules = server.gql("query { alertRules { id } }", {}, dealer).json()
        assert rules["errors"][0]["extensions"]["code"] == "FORBIDDEN"
