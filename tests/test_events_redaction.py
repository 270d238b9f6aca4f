"""A partner sees in change events only what it sees in queries.

For a deal credited to partners A and B, partner A's ``changes`` entries,
subscription events and webhook payloads name only the partners A may see
(``deal.attributions`` hides B, ``dealCredit`` reports it as
``otherCreditAmount``), and show the writer only as a role, never an admin's
subject. Admins get the events intact.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.events import GqlWs, Receiver, RunningApp, fast_settings, run_app
from tests.support.security import SECRET, auth, token

ADMIN_SUB = "admin:alice"
EVENT_FIELDS = "sequence actor entityType entityId partnerIds"
SUBSCRIBE = f"""
subscription ($after: Int) {{
  graphChanged(entityTypes: ["Deal"], afterSequence: $after) {{ {EVENT_FIELDS} }}
}}
"""
REGISTER = """
mutation ($url: String!) {
  registerWebhookEndpoint(input: {url: $url, eventTypes: ["Deal.update"]}) { __typename }
}
"""
RENAME = """
mutation { upsertDeal(input: {id: "d1", name: "Renamed"}) { __typename } }
"""
CHANGES = """
query { changes(entityId: "d1", first: 100) { nodes { seq actor partnerIds before after } } }
"""
ATTRIBUTIONS = """
query { deal(id: "d1") { attributions { nodes { partner { id } } } } }
"""


@pytest.fixture(scope="module")
def app(migrated: Connection) -> Iterator[RunningApp]:
    with run_app(fast_settings(jwt_secret=SECRET), migrated) as running:
        yield running


async def call(app: RunningApp, query: str, headers: dict[str, str]) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=60) as client:
        response = await client.post(f"{app.url}/graphql", json={"query": query}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def ws_auth(role: str, partner_id: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(role, partner_id)}"}


async def deal_credited_to_a_and_b(store: Store) -> int:
    """Partners pa and pb, both credited on deal d1; returns the change log's head."""
    for pid in ("pa", "pb"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    await ingest.upsert(
        store,
        "Program",
        {
            "id": "prog",
            "name": "Resell",
            "commissionType": "percent_of_deal",
            "commissionRate": 0.2,
        },
        "t",
    )
    for pid in ("pa", "pb"):
        await ingest.upsert(
            store, "Partnership", {"id": f"s-{pid}", "partnerId": pid, "programId": "prog"}, "t"
        )
    await ingest.upsert(store, "Customer", {"id": "c1", "name": "Acme"}, "t")
    await ingest.upsert(
        store, "Deal", {"id": "d1", "name": "Big", "amount": 1000, "customerId": "c1"}, "t"
    )
    for pid, share in (("pa", 0.5), ("pb", 0.3)):
        await ingest.upsert(
            store,
            "Attribution",
            {"dealId": "d1", "partnershipId": f"s-{pid}", "role": "sourced", "share": share},
            "t",
        )
    # Written outside the API (as a CLI import is): its actor is the role "system".
    await ingest.upsert(store, "Deal", {"id": "d1", "amount": 1200}, "importer")
    rows = await store.run_raw("MATCH (c:Change) RETURN max(c.seq) AS head")
    return int(rows[0]["head"])


async def test_partner_events_name_only_what_its_queries_show(
    app: RunningApp, store: Store
) -> None:
    head = await deal_credited_to_a_and_b(store)
    partner_a, admin = auth("partner", "pa"), auth("admin", sub=ADMIN_SUB)
    # What A's queries show of d1's credits: only its own.
    credits = await call(app, ATTRIBUTIONS, partner_a)
    assert credits["deal"]["attributions"]["nodes"] == [{"partner": {"id": "pa"}}]

    to_a, to_admin = Receiver().start(), Receiver().start()
    try:
        for receiver, headers in ((to_a, partner_a), (to_admin, admin)):
            async with httpx.AsyncClient(timeout=60) as client:
                response = await client.post(
                    f"{app.url}/graphql",
                    json={"query": REGISTER, "variables": {"url": receiver.url}},
                    headers=headers,
                )
            done = response.json()["data"]["registerWebhookEndpoint"]
            assert done["__typename"] == "WebhookEndpointRegistered", done
        async with (
            GqlWs(app.ws_url, ws_auth("partner", "pa")) as a_ws,
            GqlWs(app.ws_url, ws_auth("admin")) as admin_ws,
        ):
            await a_ws.subscribe("s", SUBSCRIBE, {"after": head})
            await admin_ws.subscribe("s", SUBSCRIBE, {"after": head})
            await a_ws.ready()
            await admin_ws.ready()
            renamed = await call(app, RENAME, admin)
            assert renamed["upsertDeal"]["__typename"] == "DealPayload"
            (a_event,) = await a_ws.events("s", 1)
            (admin_event,) = await admin_ws.events("s", 1)
        (a_hook,) = await asyncio.to_thread(to_a.wait_for, 1)
        (admin_hook,) = await asyncio.to_thread(to_admin.wait_for, 1)
    finally:
        to_a.stop()
        to_admin.stop()

    seen_by_a = a_event["graphChanged"]
    assert (seen_by_a["entityId"], seen_by_a["partnerIds"], seen_by_a["actor"]) == (
        "d1",
        ["pa"],
        "admin",
    )
    assert admin_event["graphChanged"]["partnerIds"] == ["pa", "pb"]
    assert admin_event["graphChanged"]["actor"] == ADMIN_SUB
    assert (a_hook.json["partnerIds"], a_hook.json["actor"]) == (["pa"], "admin")
    assert (admin_hook.json["partnerIds"], admin_hook.json["actor"]) == (["pa", "pb"], ADMIN_SUB)
    assert a_hook.json["sequence"] == seen_by_a["sequence"] == admin_hook.json["sequence"]

    # The change log as a query, for A and for an admin: the same rule.
    a_log = (await call(app, CHANGES, partner_a))["changes"]["nodes"]
    assert a_log and all(entry["partnerIds"] == ["pa"] for entry in a_log), a_log
    assert [entry["actor"] for entry in a_log] == ["admin", "system"]
    for seen in (a_log, seen_by_a, a_hook.json):
        text = json.dumps(seen)
        assert '"pb"' not in text and "alice" not in text and "importer" not in text, text
    admin_log = (await call(app, CHANGES, admin))["changes"]["nodes"]
    assert [(e["actor"], e["partnerIds"]) for e in admin_log[:2]] == [
        (ADMIN_SUB, ["pa", "pb"]),
        ("importer", ["pa", "pb"]),
    ]
