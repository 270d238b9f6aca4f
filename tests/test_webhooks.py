"""Webhooks end to end: endpoints registered over HTTP, events delivered by the
app's own worker from the change-log outbox to a receiver on a loopback port."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph_api.changes import CREATE, UPDATE, Change
from graph_api.config import Settings
from graph_api.embedded import Connection
from graph_api.events.model import Event
from graph_api.store import Store
from graph_api.webhooks.delivery import backoff, url_problem
from graph_api.webhooks.signing import sign, verify
from graph_api.webhooks.worker import WebhookWorker
from tests.support.events import (
    Receiver,
    RunningApp,
    fast_settings,
    gql,
    record_changes,
    run_app,
)

REGISTER = """
mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) {
    __typename
    ... on WebhookEndpointRegistered { secret endpoint { id url eventTypes active lastSequence } }
    ... on ValidationError { message fields { path reason } }
  }
}
"""
ENDPOINTS = """
query {
  webhookEndpoints {
    totalCount
    nodes {
      id lastSequence lastError
      deliveries(first: 100) {
        totalCount
        nodes { id sequence eventType status attempts httpStatus lastError }
      }
    }
  }
}
"""
UPSERT_PARTNER = """
mutation ($input: PartnerInput!) { upsertPartner(input: $input) { __typename } }
"""


@pytest.fixture(scope="module")
def app(migrated: Connection) -> Iterator[RunningApp]:
    settings = fast_settings(webhook_max_attempts=8, webhook_backoff_max=0.3)
    with run_app(settings, migrated) as running:
        yield running


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    try:
        yield r
    finally:
        r.stop()


async def register(app: RunningApp, url: str, **fields: Any) -> tuple[str, str]:
    data = await gql(app.url, REGISTER, {"input": {"url": url, **fields}})
    result = data["registerWebhookEndpoint"]
    assert result["__typename"] == "WebhookEndpointRegistered", result
    return result["endpoint"]["id"], result["secret"]


async def endpoints(app: RunningApp) -> list[dict[str, Any]]:
    data = await gql(app.url, ENDPOINTS)
    nodes: list[dict[str, Any]] = data["webhookEndpoints"]["nodes"]
    return nodes


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


def readme_receiver_verify() -> Callable[[str, dict[str, str], bytes], bool]:
    """The ``verify`` function of the README's receiver snippet, executed as printed."""
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    section = readme[readme.index("### Webhooks") :]
    snippet = section[section.index("```python\n") + len("```python\n") :]
    snippet = snippet[: snippet.index("```")]
    namespace: dict[str, Any] = {}
    exec(compile(snippet, "README.md", "exec"), namespace)
    function: Callable[[str, dict[str, str], bytes], bool] = namespace["verify"]
    return function


def partner(pid: str, name: str = "n") -> Change:
    return Change("Partner", pid, CREATE, None, {"id": pid, "name": name}, [pid])


async def test_webhook_reaches_receiver_signed(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    endpoint_id, secret = await register(app, receiver.url, eventTypes=["Partner"])
    assert secret.startswith("whsec_")
    await record_changes(store, [Change("Deal", "d1", CREATE, None, {"name": "D"}, [])])
    data = await gql(
        app.url, UPSERT_PARTNER, {"input": {"id": "p1", "name": "Acme", "kind": "RESELLER"}}
    )
    assert data["upsertPartner"]["__typename"] == "PartnerPayload"
    [hit] = await asyncio.to_thread(receiver.wait_for, 1)

    timestamp = hit.headers["X-Graph-Timestamp"]
    assert hit.headers["X-Graph-Signature"] == sign(secret, timestamp, hit.body)
    assert verify(secret, timestamp, hit.body, hit.headers["X-Graph-Signature"])
    assert not verify("whsec_wrong", timestamp, hit.body, hit.headers["X-Graph-Signature"])
    assert not verify(secret, timestamp, hit.body + b" ", hit.headers["X-Graph-Signature"])
    # The receiver code the README shows accepts the real request, and only it.
    readme_verify = readme_receiver_verify()
    assert readme_verify(secret, hit.headers, hit.body) is True
    assert readme_verify("whsec_wrong", hit.headers, hit.body) is False
    assert readme_verify(secret, hit.headers, hit.body + b" ") is False
    body = hit.json
    assert body["sequence"] == 2  # the Deal change (1) is not selected
    assert body["eventType"] == "Partner.create"
    assert body["entityId"] == "p1"
    assert body["partnerIds"] == ["p1"]
    assert {"field": "name", "before": None, "after": "Acme"} in body["changes"]
    assert hit.headers["X-Graph-Delivery"] == f"{endpoint_id}:2"

    async def settled() -> list[dict[str, Any]] | None:
        [ep] = await endpoints(app)
        return [ep] if ep["lastSequence"] == 2 else None

    [ep] = await until(settled)
    assert ep["deliveries"]["nodes"] == [
        {
            "id": f"{endpoint_id}:2",
            "sequence": 2,
            "eventType": "Partner.create",
            "status": "DELIVERED",
            "attempts": 1,
            "httpStatus": 200,
            "lastError": None,
        }
    ]


async def test_receiver_down_retries_then_delivers_in_order(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    await register(app, receiver.url)
    receiver.stop()
    for i in range(1, 6):  # five separate commits
        await record_changes(store, [partner(f"p{i}")])

    async def retrying() -> dict[str, Any] | None:
        [ep] = await endpoints(app)
        owed = [d for d in ep["deliveries"]["nodes"] if d["status"] == "RETRYING"]
        return owed[0] if owed and owed[0]["attempts"] >= 2 else None

    owed = await until(retrying)
    # Head of line: only the first event is being retried; nothing later was sent.
    assert owed["sequence"] == 1
    assert "ConnectError" in owed["lastError"]
    receiver.start()
    hits = await asyncio.to_thread(receiver.wait_for, 5)
    assert [h.json["sequence"] for h in hits] == [1, 2, 3, 4, 5]

    async def caught_up() -> dict[str, Any] | None:
        [ep] = await endpoints(app)
        return ep if ep["lastSequence"] == 5 else None

    ep = await until(caught_up)
    statuses = {d["sequence"]: (d["status"], d["attempts"] > 1) for d in ep["deliveries"]["nodes"]}
    assert statuses[1] == ("DELIVERED", True)
    assert all(statuses[s] == ("DELIVERED", False) for s in (2, 3, 4, 5))

    # Delivered records past the retention are cleaned up; the cursor keeps the position.
    worker = app.hub.worker
    assert worker is not None
    assert app.call(worker.prune(before=datetime.now(UTC) + timedelta(seconds=5))) == 5
    [ep] = await endpoints(app)
    assert (ep["lastSequence"], ep["deliveries"]["totalCount"]) == (5, 0)


async def test_dead_letters_then_replay_by_mutation(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    endpoint_id, _ = await register(app, receiver.url)
    receiver.status = 500
    await record_changes(store, [partner("p1")])
    await record_changes(store, [partner("p2")])

    async def both_dead() -> dict[str, Any] | None:
        [ep] = await endpoints(app)
        dead = [d for d in ep["deliveries"]["nodes"] if d["status"] == "DEAD"]
        # The endpoint and its deliveries are two reads: the cursor may be read just
        # before the second dead letter moved it. Dead letters release the endpoint's
        # order, so it does reach 2.
        return ep if len(dead) == 2 and ep["lastSequence"] == 2 else None

    ep = await both_dead() or await until(both_dead)
    assert {d["attempts"] for d in ep["deliveries"]["nodes"]} == {8}
    assert {d["httpStatus"] for d in ep["deliveries"]["nodes"]} == {500}
    assert ep["lastError"].startswith("HTTP 500")
    assert receiver.received == []

    receiver.status = 200
    replay = """
    mutation ($id: ID!) {
      replayDeadLetters(input: {endpointId: $id}) {
        __typename ... on DeliveriesReplayed { count }
      }
    }"""
    data = await gql(app.url, replay, {"id": endpoint_id})
    assert data["replayDeadLetters"] == {"__typename": "DeliveriesReplayed", "count": 2}
    hits = await asyncio.to_thread(receiver.wait_for, 2)
    assert [h.json["sequence"] for h in hits] == [1, 2]
    again = await gql(
        app.url,
        """mutation ($id: ID!) { replayDelivery(input: {deliveryId: $id}) {
             __typename ... on ConflictError { message } } }""",
        {"id": f"{endpoint_id}:1"},
    )

    async def delivered() -> bool:
        [ep] = await endpoints(app)
        return {d["status"] for d in ep["deliveries"]["nodes"]} == {"DELIVERED"}

    await until(delivered)
    assert again["replayDelivery"]["__typename"] in {"ConflictError"}


async def test_killed_worker_resumes_from_outbox_without_loss(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    await register(app, receiver.url)
    receiver.delay = 0.1
    for i in range(1, 11):
        await record_changes(store, [partner(f"p{i}")])
    await asyncio.to_thread(receiver.wait_for, 3)
    hub = app.hub
    old = hub.worker
    assert old is not None
    # Kill mid-batch: stop between two POSTs, recording no further progress and
    # keeping the lease, as a crash would.
    app.call(old.stop(release=False))
    killed_at = len(receiver.received)
    assert killed_at < 10
    for i in range(11, 16):  # writes go on while no worker runs
        await record_changes(store, [partner(f"p{i}")])

    async def restart() -> WebhookWorker:
        worker = WebhookWorker(store=hub.store, settings=hub.settings)
        worker.start()
        hub.worker = worker
        return worker

    app.call(restart())
    receiver.delay = 0.0
    await until(lambda: set(receiver.sequences()) == set(range(1, 16)))
    seqs = receiver.sequences()
    # At least once and in order: the new worker resumes from the last progress
    # recorded in the graph, so it may re-send a few events sent before the kill
    # (receivers dedupe by X-Graph-Delivery), and loses none.
    first, resumed = seqs[:killed_at], seqs[killed_at:]
    assert first == list(range(1, killed_at + 1))
    assert resumed == list(range(resumed[0], 16))
    assert 1 <= resumed[0] <= killed_at + 1


async def test_registration_validates_input(app: RunningApp, store: Store) -> None:
    data = await gql(
        app.url,
        REGISTER,
        {"input": {"url": "ftp://example.com/x", "eventTypes": ["Deal", "no such!"]}},
    )
    result = data["registerWebhookEndpoint"]
    assert result["__typename"] == "ValidationError"
    assert [f["path"] for f in result["fields"]] == [["url"], ["eventTypes", "1"]]
    short = await gql(app.url, REGISTER, {"input": {"url": "http://127.0.0.1:9/", "secret": "x"}})
    assert short["registerWebhookEndpoint"]["fields"] == [
        {"path": ["secret"], "reason": "use at least 16 characters"}
    ]
    assert await endpoints(app) == []


async def test_url_length_whitespace_and_control_characters_are_refused(
    app: RunningApp, store: Store
) -> None:
    base = "http://127.0.0.1:9/"
    longest = base + "a" * (2048 - len(base))
    bad = {
        "too long": (longest + "a", "at most 2048 characters"),
        "leading space": (" " + base, "leading or trailing whitespace"),
        "trailing newline": (base + "\n", "leading or trailing whitespace"),
        "leading tab": ("\t" + base, "leading or trailing whitespace"),
        "no-break space": (base + "\u00a0", "leading or trailing whitespace"),
        "inner space": ("http://127.0.0.1:9/a b", "whitespace"),
        "inner newline": ("http://127.0.0.1:9/a\r\nX-Injected: 1", "control character"),
        "nul": ("http://127.0.0.1:9/a\x00b", "control character U+0000"),
        "delete": ("http://127.0.0.1:9/a\x7fb", "control character U+007F"),
        "bidi override": ("http://127.0.0.1:9/a\u202eb", "control character U+202E"),
    }
    for name, (url, reason) in bad.items():
        data = await gql(app.url, REGISTER, {"input": {"url": url}})
        result = data["registerWebhookEndpoint"]
        assert result["__typename"] == "ValidationError", (name, result)
        assert [f["path"] for f in result["fields"]] == [["url"]], (name, result)
        assert reason in result["fields"][0]["reason"], (name, result)
    assert await endpoints(app) == []

    # The cap itself is allowed; an update is checked by the same rules and changes nothing.
    endpoint_id, _ = await register(app, longest)
    update = """
    mutation ($input: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(input: $input) {
        __typename ... on ValidationError { fields { path reason } }
      }
    }"""
    for name, (url, reason) in bad.items():
        data = await gql(app.url, update, {"input": {"id": endpoint_id, "url": url}})
        result = data["updateWebhookEndpoint"]
        assert result["__typename"] == "ValidationError", (name, result)
        assert reason in result["fields"][0]["reason"], (name, result)
    urls = await store.run_raw("MATCH (e:WebhookEndpoint) RETURN e.url AS url")
    assert urls == [{"url": longest}]


async def test_update_and_delete_endpoint(app: RunningApp, store: Store) -> None:
    endpoint_id, secret = await register(app, "http://127.0.0.1:9/hook", eventTypes=["Deal"])
    update = """
    mutation ($input: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(input: $input) {
        __typename
        ... on WebhookEndpointUpdated { secret endpoint { url eventTypes active } }
        ... on NotFoundError { missing: id }
      }
    }"""
    data = await gql(
        app.url,
        update,
        {"input": {"id": endpoint_id, "active": False, "eventTypes": [], "rotateSecret": True}},
    )
    updated = data["updateWebhookEndpoint"]
    assert updated["endpoint"] == {
        "url": "http://127.0.0.1:9/hook",
        "eventTypes": [],
        "active": False,
    }
    assert updated["secret"].startswith("whsec_") and updated["secret"] != secret
    delete = """
    mutation ($id: ID!) {
      deleteWebhookEndpoint(input: {id: $id}) {
        __typename
        ... on WebhookEndpointDeleted { id }
        ... on NotFoundError { missing: id }
      }
    }"""
    gone = await gql(app.url, delete, {"id": endpoint_id})
    assert gone["deleteWebhookEndpoint"] == {
        "__typename": "WebhookEndpointDeleted",
        "id": endpoint_id,
    }
    again = await gql(app.url, delete, {"id": endpoint_id})
    assert again["deleteWebhookEndpoint"] == {"__typename": "NotFoundError", "missing": endpoint_id}
    missing = await gql(app.url, update, {"input": {"id": "nope"}})
    assert missing["updateWebhookEndpoint"] == {"__typename": "NotFoundError", "missing": "nope"}


def test_url_rules_by_profile() -> None:
    production = Settings(profile="production")
    refused = url_problem("http://127.0.0.1:8080/hook", production)
    assert refused is not None and "GRAPH_API_WEBHOOK_ALLOW_PRIVATE" in refused
    assert url_problem("http://10.1.2.3/hook", production) is not None
    allowed = production.with_overrides(webhook_allow_private=True)
    assert url_problem("http://127.0.0.1:8080/hook", allowed) is None
    assert url_problem("http://127.0.0.1:8080/hook", Settings()) is None  # development
    assert url_problem("ftp://example.com/", Settings()) == (
        "the URL must start with http:// or https://"
    )
    assert url_problem("https://user:pw@example.com/", Settings()) is not None


async def test_production_rechecks_the_address_at_delivery() -> None:
    # Registered while it resolved to a public address, a host that now resolves
    # to loopback gets nothing in production: the attempt fails with the reason.
    receiver = Receiver().start()
    event = Event(
        id="ev-1",
        seq=1,
        at=datetime.now(UTC),
        actor="t",
        entity_type="Deal",
        entity_id="d1",
        operation="create",
        before=None,
        after={"name": "x"},
    )
    endpoint = {"id": "e1", "url": receiver.url, "secret": "s"}
    try:
        async with httpx.AsyncClient() as client:
            production = WebhookWorker(None, Settings(profile="production"), client)  # type: ignore[arg-type]
            refused = await production.post(endpoint, event)
            development = WebhookWorker(None, Settings(), client)  # type: ignore[arg-type]
            sent = await development.post(endpoint, event)
    finally:
        receiver.stop()
    assert refused.ok is False and refused.status is None
    assert refused.error is not None
    assert refused.error.startswith("not sent: 127.0.0.1 resolves to the non-public address")
    assert sent.ok is True and sent.status == 200
    assert len(receiver.received) == 1  # the development delivery only


def test_signature_and_backoff() -> None:
    body = json.dumps({"a": 1}).encode()
    signature = sign("s3cret", 1700000000, body)
    assert signature == sign("s3cret", "1700000000", body)
    assert signature.startswith("sha256=") and len(signature) == 7 + 64
    assert verify("s3cret", "1700000000", body, signature, now=1700000100)
    assert not verify("s3cret", "1700000000", body, signature, now=1700001000)  # stale
    assert not verify("s3cret", "nonsense", body, signature)
    delays = [backoff(n, 1.0, 30.0) for n in range(1, 8)]
    caps = [1, 2, 4, 8, 16, 30, 30]
    assert all(cap / 2 <= d <= cap for d, cap in zip(delays, caps, strict=True))


async def test_partner_endpoint_receives_only_its_scope(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    from graph_api import ingest
    from graph_api.cypher import named

    for pid in ("pa", "pa-reseller", "pb"):
        await ingest.upsert(store, "Partner", {"id": pid, "name": pid, "kind": "reseller"}, "t")
    await ingest.upsert(
        store, "ResellsFor", {"partnerId": "pa-reseller", "distributorId": "pa"}, "t"
    )
    create = named("queries/webhook_endpoint_create")
    await store.write_query(
        create,
        endpoint={
            "id": "ep-partner",
            "url": receiver.url,
            "eventTypes": [],
            "secret": "partner-secret-0123456789",
            "active": True,
            "description": None,
            "ownerSub": "partner:pa",
            # Registered before pa-reseller joined: delivery follows the hierarchy now.
            "ownerPartnerId": "pa",
        },
    )
    app.hub.worker.nudge()  # type: ignore[union-attr]
    await record_changes(
        store,
        [
            partner("pb"),
            partner("pa"),
            Change("Deal", "d1", UPDATE, {"amount": 1}, {"amount": 2}, ["pb", "pa-reseller"]),
            Change("Deal", "d2", UPDATE, {"amount": 1}, {"amount": 2}, ["pb"]),
        ],
    )
    await record_changes(store, [partner("pa-reseller")])
    hits = await asyncio.to_thread(receiver.wait_for, 3)
    assert [h.json["entityId"] for h in hits] == ["pa", "d1", "pa-reseller"]


class _SlowStore:
    """A store whose endpoint lookup blocks until released, noting whether it was cancelled."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        self.outcomes: list[str] = []

    def add_commit_listener(self, listener: Any) -> None:
        pass  # nothing commits through this store

    def remove_commit_listener(self, listener: Any) -> None:
        pass

    async def write_query(self, query: Any, **params: Any) -> list[dict[str, Any]]:
        return [{"held": True}]  # the lease, and its release on stop

    async def read(self, query: Any, **params: Any) -> list[dict[str, Any]]:
        return [{"endpoint": {"id": "e1"}}]  # the active endpoints

    async def read_one(self, query: Any, **params: Any) -> dict[str, Any] | None:
        self.entered.set()
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.outcomes.append("cancelled")
            raise
        self.outcomes.append("finished")
        return None  # the endpoint is gone


async def test_stop_lets_the_store_call_in_hand_finish() -> None:
    # Cancelling a task while the driver opens a connection leaks that socket
    # (a ResourceWarning later), so stopping waits for the call in hand instead.
    slow = _SlowStore()
    worker = WebhookWorker(slow, fast_settings())  # type: ignore[arg-type]
    worker.start()
    await asyncio.wait_for(slow.entered.wait(), 10)
    stopping = asyncio.create_task(worker.stop())
    await asyncio.sleep(0.2)
    assert not stopping.done()
    slow.release.set()
    await asyncio.wait_for(stopping, 10)
    assert slow.outcomes == ["finished"]
    assert not worker.running


async def test_endpoint_writes_hold_under_concurrent_writers(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    """Registrations and updates over HTTP, while another store client (as a second API
    instance would) updates the same endpoint and writes changes the worker delivers to it."""
    from graph_api.webhooks.statements import ENDPOINT_UPDATE as UPDATE_ENDPOINT

    endpoint_id, _ = await register(app, receiver.url, eventTypes=["Partner"])
    update = """
    mutation ($input: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(input: $input) { __typename }
    }"""

    async def over_http(k: int) -> str:
        if k % 3 == 0:
            fields = {"url": f"{receiver.url}r{k}", "eventTypes": ["Deal"]}  # not sent here
            data = await gql(app.url, REGISTER, {"input": fields})
            return str(data["registerWebhookEndpoint"]["__typename"])
        changes = {"description": f"http-{k}", "rotateSecret": k % 2 == 0}
        data = await gql(app.url, update, {"input": {"id": endpoint_id, **changes}})
        return str(data["updateWebhookEndpoint"]["__typename"])

    async def elsewhere(k: int) -> None:
        await store.write_query(
            UPDATE_ENDPOINT,
            id=endpoint_id,
            owners=None,
            url=None,
            eventTypes=None,
            active=None,
            description=f"other-{k}",
            secret=None,
        )
        await record_changes(store, [Change("Partner", f"cw-{k}", CREATE, None, {"k": k}, [])])

    results = await asyncio.gather(
        *(over_http(k) for k in range(12)), *(elsewhere(k) for k in range(12))
    )
    answers = [r for r in results if r is not None]
    assert sorted(set(answers)) == ["WebhookEndpointRegistered", "WebhookEndpointUpdated"]
    assert len(answers) == 12
    hits = await asyncio.to_thread(receiver.wait_for, 12)
    assert sorted(h.json["entityId"] for h in hits) == sorted(f"cw-{k}" for k in range(12))
    rows = await store.run_raw(
        "MATCH (e:WebhookEndpoint) RETURN count(e) AS n, "
        "sum(CASE WHEN e.id = $id THEN 1 ELSE 0 END) AS mine",
        {"id": endpoint_id},
    )
    assert rows == [{"n": 5, "mine": 1}]
