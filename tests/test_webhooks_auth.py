"""Webhook endpoints with auth on: admins manage all, partners their own scope."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph_api import ingest
from graph_api.changes import CREATE, Change
from graph_api.embedded import Connection, free_port
from graph_api.store import Store
from tests.support.events import Receiver, RunningApp, fast_settings, record_changes, run_app
from tests.support.security import SECRET, auth

REGISTER = """
mutation ($url: String!) {
  registerWebhookEndpoint(input: {url: $url}) {
    __typename ... on WebhookEndpointRegistered { endpoint { id ownerPartnerId } }
  }
}
"""
LIST = "query { webhookEndpoints { totalCount nodes { id ownerPartnerId } } }"
PAUSE = """
mutation ($id: ID!) {
  updateWebhookEndpoint(input: {id: $id, active: false}) { __typename }
}
"""


@pytest.fixture(scope="module")
def app(migrated: Connection) -> Iterator[RunningApp]:
    with run_app(fast_settings(jwt_secret=SECRET), migrated) as running:
        yield running


async def call(
    app: RunningApp, query: str, headers: dict[str, str], **variables: Any
) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=60) as client:
        response = await client.post(
            f"{app.url}/graphql", json={"query": query, "variables": variables}, headers=headers
        )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_partner_registers_for_its_own_scope_only(app: RunningApp, store: Store) -> None:
    for pid in ("dist", "res", "other"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    await ingest.upsert(store, "ResellsFor", {"partnerId": "res", "distributorId": "dist"}, "t")
    receiver = Receiver().start()
    try:
        mine = await call(app, REGISTER, auth("partner", "dist"), url=receiver.url)
        endpoint = mine["data"]["registerWebhookEndpoint"]["endpoint"]
        assert endpoint["ownerPartnerId"] == "dist"
        admin = await call(app, REGISTER, auth("admin"), url="http://127.0.0.1:9/admin")
        admin_id = admin["data"]["registerWebhookEndpoint"]["endpoint"]["id"]

        # Each sees and manages only what it may.
        partner_list = await call(app, LIST, auth("partner", "dist"))
        assert partner_list["data"]["webhookEndpoints"]["nodes"] == [endpoint]
        admin_list = await call(app, LIST, auth("admin"))
        assert admin_list["data"]["webhookEndpoints"]["totalCount"] == 2
        other = await call(app, LIST, auth("partner", "other"))
        assert other["data"]["webhookEndpoints"]["totalCount"] == 0
        pause = await call(app, PAUSE, auth("partner", "dist"), id=admin_id)
        assert pause["data"]["updateWebhookEndpoint"]["__typename"] == "NotFoundError"
        analyst = await call(app, REGISTER, auth("analyst"), url=receiver.url)
        assert analyst["errors"][0]["extensions"]["code"] == "FORBIDDEN"

        await record_changes(
            store,
            [
                Change("Deal", "d-other", CREATE, None, {"name": "o"}, ["other"]),
                Change("Deal", "d-res", CREATE, None, {"name": "r"}, ["res"]),
                Change("Deal", "d-dist", CREATE, None, {"name": "d"}, ["dist"]),
            ],
        )
        hits = await asyncio.to_thread(receiver.wait_for, 2)
    finally:
        receiver.stop()
    assert [h.json["entityId"] for h in hits] == ["d-res", "d-dist"]


async def test_partner_endpoint_follows_hierarchy_changes(app: RunningApp, store: Store) -> None:
    for pid in ("dist", "res"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    register = """
    mutation ($url: String!) {
      registerWebhookEndpoint(input: {url: $url, eventTypes: ["Deal"]}) { __typename }
    }"""
    receiver = Receiver().start()
    try:
        done = await call(app, register, auth("partner", "dist"), url=receiver.url)
        assert done["data"]["registerWebhookEndpoint"]["__typename"] == "WebhookEndpointRegistered"
        # The reseller joins after the endpoint was registered: its deals now concern dist.
        await ingest.upsert(store, "ResellsFor", {"partnerId": "res", "distributorId": "dist"}, "t")
        await record_changes(store, [Change("Deal", "d-res-1", CREATE, None, {"n": 1}, ["res"])])
        await asyncio.to_thread(receiver.wait_for, 1)
        # Once it has left, they no longer do.
        await ingest.unlink(store, "ResellsFor", {"partnerId": "res", "distributorId": "dist"}, "t")
        await record_changes(
            store,
            [
                Change("Deal", "d-res-2", CREATE, None, {"n": 2}, ["res"]),
                Change("Deal", "d-dist", CREATE, None, {"n": 3}, ["dist"]),
            ],
        )
        hits = await asyncio.to_thread(receiver.wait_for, 2)
    finally:
        receiver.stop()
    # In sequence order per endpoint: d-dist arriving means d-res-2 was passed over.
    assert [h.json["entityId"] for h in hits] == ["d-res-1", "d-dist"]


ENDPOINT_STATE = """
MATCH (e:WebhookEndpoint {id: $id})
OPTIONAL MATCH (e)-[:HAS_DELIVERY]->(d:Delivery)
RETURN e.url AS url, e.secret AS secret, e.active AS active, e.eventTypes AS types,
       e.updatedAt AS updatedAt, collect(d.id + '=' + d.status) AS deliveries
"""
DEAD_LETTERS = """
query ($id: ID!) {
  webhookEndpoint(id: $id) { deliveries(status: [DEAD]) { nodes { id } } }
}
"""


async def test_distributor_does_not_manage_its_resellers_endpoints(
    app: RunningApp, store: Store
) -> None:
    """A partner manages the endpoints it registered, not those of the partners below it."""
    for pid in ("dist", "res"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    await ingest.upsert(store, "ResellsFor", {"partnerId": "res", "distributorId": "dist"}, "t")
    # Nothing listens there: the event is dead-lettered after the (fast) attempts.
    register = """
    mutation ($url: String!) {
      registerWebhookEndpoint(input: {url: $url, eventTypes: ["Deal"]}) {
        ... on WebhookEndpointRegistered { endpoint { id } }
      }
    }"""
    done = await call(app, register, auth("partner", "res"), url=f"http://127.0.0.1:{free_port()}/")
    endpoint_id = done["data"]["registerWebhookEndpoint"]["endpoint"]["id"]
    await record_changes(store, [Change("Deal", "d-res", CREATE, None, {"n": 1}, ["res"])])
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        dead = await call(app, DEAD_LETTERS, auth("admin"), id=endpoint_id)
        nodes = dead["data"]["webhookEndpoint"]["deliveries"]["nodes"]
        if nodes:
            break
        assert asyncio.get_running_loop().time() < deadline, "no dead letter"
        await asyncio.sleep(0.2)
    delivery_id = nodes[0]["id"]
    before = await store.run_raw(ENDPOINT_STATE, {"id": endpoint_id})

    dist = auth("partner", "dist")
    listed = await call(app, LIST, dist)
    assert listed["data"]["webhookEndpoints"] == {"totalCount": 0, "nodes": []}
    one = await call(
        app, "query ($id: ID!) { webhookEndpoint(id: $id) { id } }", dist, id=endpoint_id
    )
    assert one["data"]["webhookEndpoint"] is None
    attempts = {
        "updateWebhookEndpoint": (
            "mutation ($id: ID!) { updateWebhookEndpoint(input: {id: $id, "
            'url: "http://127.0.0.1:9/stolen"}) { __typename } }'
        ),
        "rotate": (
            "mutation ($id: ID!) { updateWebhookEndpoint(input: {id: $id, rotateSecret: true}) "
            "{ __typename ... on WebhookEndpointUpdated { secret } } }"
        ),
        "deleteWebhookEndpoint": (
            "mutation ($id: ID!) { deleteWebhookEndpoint(input: {id: $id}) { __typename } }"
        ),
        "replayDeadLetters": (
            "mutation ($id: ID!) { replayDeadLetters(input: {endpointId: $id}) { __typename } }"
        ),
    }
    for name, mutation in attempts.items():
        answer = await call(app, mutation, dist, id=endpoint_id)
        assert "errors" not in answer, (name, answer)
        (result,) = answer["data"].values()
        assert result == {"__typename": "NotFoundError"}, (name, answer)
    replay = await call(
        app,
        "mutation ($id: ID!) { replayDelivery(input: {deliveryId: $id}) { __typename } }",
        dist,
        id=delivery_id,
    )
    assert replay["data"]["replayDelivery"] == {"__typename": "NotFoundError"}

    assert await store.run_raw(ENDPOINT_STATE, {"id": endpoint_id}) == before
    # Its owner still manages it.
    mine = await call(app, LIST, auth("partner", "res"))
    assert mine["data"]["webhookEndpoints"]["totalCount"] == 1


async def test_replayed_dead_letter_outside_the_owners_scope_now_is_not_sent(
    app: RunningApp, store: Store
) -> None:
    for pid in ("dist", "res"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    await ingest.upsert(store, "ResellsFor", {"partnerId": "res", "distributorId": "dist"}, "t")
    receiver = Receiver(status=500).start()
    dist = auth("partner", "dist")
    register = """
    mutation ($url: String!) {
      registerWebhookEndpoint(input: {url: $url, eventTypes: ["Deal"]}) {
        ... on WebhookEndpointRegistered { endpoint { id } }
      }
    }"""
    dead_letters = """
    query ($id: ID!) {
      webhookEndpoint(id: $id) { deliveries(status: [DEAD]) { nodes { id lastError } } }
    }"""
    try:
        done = await call(app, register, dist, url=receiver.url)
        endpoint_id = done["data"]["registerWebhookEndpoint"]["endpoint"]["id"]
        await record_changes(store, [Change("Deal", "d-res", CREATE, None, {"n": 1}, ["res"])])
        deadline = asyncio.get_running_loop().time() + 30
        while not (await call(app, dead_letters, dist, id=endpoint_id))["data"]["webhookEndpoint"][
            "deliveries"
        ]["nodes"]:
            assert asyncio.get_running_loop().time() < deadline, "no dead letter"
            await asyncio.sleep(0.2)
        # The reseller leaves; the distributor replays its dead letters anyway.
        await ingest.unlink(store, "ResellsFor", {"partnerId": "res", "distributorId": "dist"}, "t")
        receiver.status = 200
        replay = """
        mutation ($id: ID!) {
          replayDeadLetters(input: {endpointId: $id}) { ... on DeliveriesReplayed { count } }
        }"""
        replayed = await call(app, replay, dist, id=endpoint_id)
        assert replayed["data"]["replayDeadLetters"] == {"count": 1}
        # Replays go before newer events: once this one arrives, the replay was dealt with.
        await record_changes(store, [Change("Deal", "d-dist", CREATE, None, {"n": 2}, ["dist"])])
        hits = await asyncio.to_thread(receiver.wait_for, 1)
        dead = await call(app, dead_letters, dist, id=endpoint_id)
    finally:
        receiver.stop()
    assert [h.json["entityId"] for h in hits] == ["d-dist"]
    (letter,) = dead["data"]["webhookEndpoint"]["deliveries"]["nodes"]
    assert "no longer within" in letter["lastError"]


PAGE = """
query ($first: Int!, $after: String) {
  webhookEndpoints(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { id }
  }
}
"""
DELIVERIES = """
query ($id: ID!, $first: Int!, $after: String, $status: [DeliveryStatus!]) {
  webhookEndpoint(id: $id) {
    deliveries(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { sequence status }
    }
  }
}
"""


async def test_endpoints_and_deliveries_page_within_what_the_caller_manages(
    app: RunningApp, store: Store
) -> None:
    for pid in ("acme", "globex"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    acme, globex, admin = auth("partner", "acme"), auth("partner", "globex"), auth("admin")
    register = """
    mutation ($url: String!, $active: Boolean!) {
      registerWebhookEndpoint(input: {url: $url, active: $active}) {
        ... on WebhookEndpointRegistered { endpoint { id } }
      }
    }"""
    receiver = Receiver().start()
    try:
        ids = []
        for url, active in ((receiver.url, True), ("http://127.0.0.1:9/a", False)):
            done = await call(app, register, acme, url=url, active=active)
            ids.append(done["data"]["registerWebhookEndpoint"]["endpoint"]["id"])
        await call(app, register, admin, url="http://127.0.0.1:9/b", active=False)
        await record_changes(
            store,
            [Change("Deal", f"d{i}", CREATE, None, {"n": i}, ["acme"]) for i in range(3)],
        )
        await asyncio.to_thread(receiver.wait_for, 3)
        deadline = asyncio.get_running_loop().time() + 30
        while True:  # the records of the last POSTs land just after them
            whole = await call(app, DELIVERIES, acme, id=ids[0], first=10)
            if whole["data"]["webhookEndpoint"]["deliveries"]["totalCount"] == 3:
                break
            assert asyncio.get_running_loop().time() < deadline, whole
            await asyncio.sleep(0.2)
    finally:
        receiver.stop()

    # Endpoints: the partner's own two, oldest first, one page at a time.
    first = (await call(app, PAGE, acme, first=1))["data"]["webhookEndpoints"]
    assert first["totalCount"] == 2
    assert [n["id"] for n in first["nodes"]] == ids[:1]
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    after = first["pageInfo"]["endCursor"]
    second = (await call(app, PAGE, acme, first=1, after=after))["data"]["webhookEndpoints"]
    assert [n["id"] for n in second["nodes"]] == ids[1:]
    assert not second["pageInfo"]["hasNextPage"] and second["pageInfo"]["hasPreviousPage"]
    everything = (await call(app, PAGE, admin, first=2))["data"]["webhookEndpoints"]
    assert (everything["totalCount"], everything["pageInfo"]["hasNextPage"]) == (3, True)
    assert (await call(app, PAGE, globex, first=5))["data"]["webhookEndpoints"]["totalCount"] == 0

    # Deliveries: newest event first, paged, filtered by status.
    seqs = [n["sequence"] for n in whole["data"]["webhookEndpoint"]["deliveries"]["nodes"]]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == 3
    page = (await call(app, DELIVERIES, acme, id=ids[0], first=2))["data"]["webhookEndpoint"]
    deliveries = page["deliveries"]
    assert [n["sequence"] for n in deliveries["nodes"]] == seqs[:2]
    assert {n["status"] for n in deliveries["nodes"]} == {"DELIVERED"}
    assert (deliveries["totalCount"], deliveries["pageInfo"]["hasNextPage"]) == (3, True)
    rest = await call(
        app, DELIVERIES, admin, id=ids[0], first=2, after=deliveries["pageInfo"]["endCursor"]
    )
    last = rest["data"]["webhookEndpoint"]["deliveries"]
    assert [n["sequence"] for n in last["nodes"]] == seqs[2:]
    assert not last["pageInfo"]["hasNextPage"]
    dead = await call(app, DELIVERIES, acme, id=ids[0], first=2, status=["DEAD"])
    assert dead["data"]["webhookEndpoint"]["deliveries"]["totalCount"] == 0
    hidden = await call(app, DELIVERIES, globex, id=ids[0], first=2)
    assert hidden["data"]["webhookEndpoint"] is None
