"""Two real ``graph-api serve`` instances sharing one store, as in production.

Instance A owns the embedded store; instance B reaches the same store over Bolt
(``NEO4J_URI``). Both run the ``graph`` event broker and a webhook worker. Checks:
a subscriber on B hears mutations made through A; each webhook event reaches the
endpoint exactly once while both workers run; after B is SIGKILLed, A's subscriber
and the endpoint still get every event, once; a write's bookmark from A, sent to B,
guards B's read. Prints the cross-instance latency.
"""

from __future__ import annotations

import asyncio
import collections
import os
import signal
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

from graph_api.auth import mint
from graph_api.bookmarks import HEADER
from graph_api.embedded import PASSWORD_FILE
from tests.support.events import GqlWs, Receiver
from tests.support.processes import Processes, Served, clean_env, start_serve, wait_dead

SECRET = "instances-test-secret-that-is-long-enough-for-hs256"
POLL = "0.1"
BEFORE_KILL = 50
AFTER_KILL = 15

EVENTS = """
subscription { graphChanged(entityTypes: ["Partner"]) { sequence entityId } }
"""
UPSERT = """
mutation ($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename ... on ValidationError { message } }
}
"""
REGISTER = """
mutation ($url: String!) {
  registerWebhookEndpoint(input: {url: $url, eventTypes: ["Partner"]}) {
    __typename ... on WebhookEndpointRegistered { endpoint { id } }
    ... on ValidationError { message }
  }
}
"""


def instance_env(**extra: str) -> dict[str, str]:
    return clean_env(
        GRAPH_API_JWT_SECRET=SECRET,
        GRAPH_API_EVENT_BROKER="graph",
        GRAPH_API_EVENT_POLL_INTERVAL=POLL,
        GRAPH_API_WEBHOOK_POLL_INTERVAL=POLL,
        # Short, so A takes over soon after B dies; not so short that a busy machine's
        # scheduling delay outlasts a renewal and lets both workers deliver.
        GRAPH_API_WEBHOOK_LEASE="3",
        **extra,
    )


def admin_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {mint(SECRET, 'admin', 'instances-test', ttl=600)}"}


async def post(client: httpx.AsyncClient, served: Served, query: str, **variables: Any) -> Any:
    response = await client.post(
        f"{served.url}/graphql",
        json={"query": query, "variables": variables},
        headers=admin_headers(),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def subscriber(served: Served) -> GqlWs:
    return GqlWs(served.url.replace("http://", "ws://") + "/graphql", admin_headers())


def delivery_counts(receiver: Receiver) -> collections.Counter[str]:
    return collections.Counter(r.headers["X-Graph-Delivery"] for r in list(receiver.received))


async def wait_deliveries(receiver: Receiver, count: int, timeout: float = 30) -> None:
    await asyncio.to_thread(receiver.wait_for, count, timeout)


def test_two_instances_share_events_and_deliver_each_webhook_once(
    processes: Processes, tmp_path: Path
) -> None:
    a = start_serve(processes, tmp_path / "a", tmp_path, env=instance_env())
    bolt = a.state()["bolt_port"]
    b = start_serve(
        processes,
        tmp_path / "b-unused",
        tmp_path,
        env=instance_env(
            NEO4J_URI=f"bolt://127.0.0.1:{bolt}",
            NEO4J_USER="root",
            NEO4J_PASSWORD=(a.data_dir / PASSWORD_FILE).read_text().strip(),
            NEO4J_DATABASE="neo4j",
        ),
    )
    receiver = Receiver().start()
    try:
        latencies = asyncio.run(exercise(a, b, receiver))
    finally:
        receiver.stop()
    p50 = statistics.median(latencies) * 1000
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000
    print(
        f"\ncross-instance event latency (mutation on A -> subscriber on B, "
        f"poll {POLL}s, {len(latencies)} mutations): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )


async def exercise(a: Served, b: Served, receiver: Receiver) -> list[float]:
    latencies: list[float] = []
    async with (
        httpx.AsyncClient(timeout=30) as client,
        subscriber(a) as on_a,
        subscriber(b) as on_b,
    ):
        registered = await post(client, a, REGISTER, url=receiver.url)
        endpoint = registered["registerWebhookEndpoint"]
        assert endpoint["__typename"] == "WebhookEndpointRegistered", endpoint
        await on_a.subscribe("a", EVENTS)
        await on_b.subscribe("b", EVENTS)
        await on_a.ready()
        await on_b.ready()

        # Mutations through A, heard on B; one at a time, so each latency is its own.
        for i in range(BEFORE_KILL):
            pid = f"inst-{i}"
            sent = time.monotonic()
            data = await post(client, a, UPSERT, input={"id": pid, "name": pid, "kind": "RESELLER"})
            assert data["upsertPartner"]["__typename"] == "PartnerPayload", data
            [event] = await on_b.events("b", 1, timeout=15)
            latencies.append(time.monotonic() - sent)
            assert event["graphChanged"]["entityId"] == pid

        # Read your writes across instances: A's bookmark, sent to B, guards B's read.
        wrote = await client.post(
            f"{a.url}/graphql",
            json={
                "query": UPSERT,
                "variables": {"input": {"id": "inst-0", "name": "renamed", "kind": "RESELLER"}},
            },
            headers=admin_headers(),
        )
        bookmark = wrote.headers[HEADER]
        assert wrote.json()["extensions"]["bookmark"] == bookmark
        read = await client.post(
            f"{b.url}/graphql",
            json={"query": '{ partner(id: "inst-0") { name } }'},
            headers={**admin_headers(), HEADER: bookmark},
        )
        assert read.json()["data"]["partner"] == {"name": "renamed"}, read.text
        [renamed] = await on_b.events("b", 1, timeout=15)
        assert renamed["graphChanged"]["entityId"] == "inst-0"

        # Both workers run; the lease lets one deliver. Wait past a lease period
        # and several progress records, so nothing is in flight at the kill.
        expected = [f"inst-{i}" for i in range(BEFORE_KILL)] + ["inst-0"]
        await wait_deliveries(receiver, len(expected))
        await asyncio.sleep(3.5)
        counts = delivery_counts(receiver)
        assert len(counts) == len(expected) and set(counts.values()) == {1}, counts

        # B dies without a chance to clean up; A carries on alone.
        os.killpg(b.process.pid, signal.SIGKILL)
        assert wait_dead(b.process.pid)
        b.process.wait(timeout=10)
        for i in range(BEFORE_KILL, BEFORE_KILL + AFTER_KILL):
            pid = f"inst-{i}"
            data = await post(client, a, UPSERT, input={"id": pid, "name": pid, "kind": "RESELLER"})
            assert data["upsertPartner"]["__typename"] == "PartnerPayload", data

        expected += [f"inst-{i}" for i in range(BEFORE_KILL, BEFORE_KILL + AFTER_KILL)]
        total = len(expected)
        heard = await on_a.events("a", total, timeout=15)
        ids = [e["graphChanged"]["entityId"] for e in heard]
        assert ids == expected
        sequences = [e["graphChanged"]["sequence"] for e in heard]
        assert sequences == sorted(sequences) and len(set(sequences)) == total

        # A's worker takes the lease over if B held it; every event arrives, once.
        await wait_deliveries(receiver, total, timeout=30)
        await asyncio.sleep(1.0)
        counts = delivery_counts(receiver)
        assert len(counts) == total and set(counts.values()) == {1}, counts
        assert sorted(receiver.sequences()) == sequences
    return latencies
