"""Broker contract: the same checks against every broker.

The graph-store broker must also deliver writes committed by another process
(another API instance, a CLI import); the in-process broker, by design, sees
only its own process's commits.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator

import pytest

from graph_api.changes import CREATE, Change, record
from graph_api.embedded import Connection
from graph_api.events.broker import Broker, Feed, InProcessBroker, create_broker
from graph_api.events.model import Event
from graph_api.store import Store, Tx
from tests.support.events import GqlWs, fast_settings, record_changes, run_app

BROKERS = ["inprocess", "graph"]


@pytest.fixture(params=BROKERS)
async def broker(request: pytest.FixtureRequest, store: Store) -> AsyncIterator[Broker]:
    b = create_broker(request.param, store, poll_interval=0.05)
    await b.start()
    try:
        yield b
    finally:
        await b.stop()


async def take(feed: Feed, n: int) -> list[Event]:
    got: list[Event] = []

    async def run() -> None:
        async for event in feed:
            got.append(event)
            if len(got) == n:
                return

    await asyncio.wait_for(run(), 30)
    return got


def partner(pid: str) -> Change:
    return Change("Partner", pid, CREATE, None, {"id": pid, "name": pid.upper()}, [pid])


async def test_committed_events_reach_every_feed_in_order(broker: Broker, store: Store) -> None:
    feeds = [broker.subscribe() for _ in range(3)]
    await record_changes(store, [partner("a"), partner("b")], actor="alice")
    await record_changes(store, [partner("c")], actor="bob")
    for feed in feeds:
        events = await take(feed, 3)
        assert [(e.seq, e.entity_id, e.actor) for e in events] == [
            (1, "a", "alice"),
            (2, "b", "alice"),
            (3, "c", "bob"),
        ]
        assert events[0].after == {"id": "a", "name": "A"}
        assert events[0].changed_fields == ("id", "name")
        assert events[0].partner_ids == ("a",)
        feed.close()
    assert broker.subscriber_count == 0


async def test_rolled_back_write_reaches_no_feed(broker: Broker, store: Store) -> None:
    feed = broker.subscribe()

    async def failing(tx: Tx) -> None:
        await record(tx, "t", [partner("lost")])
        raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        await store.write(failing)
    await record_changes(store, [partner("kept")])
    [event] = await take(feed, 1)
    assert (event.seq, event.entity_id) == (1, "kept")


WRITER = """
import asyncio, sys
from graph_api.changes import CREATE, Change, record
from graph_api.store import open_store

async def main():
    store = open_store(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
    async def work(tx):
        return await record(tx, "other-process", [
            Change("Partner", "remote", CREATE, None, {"name": "R"}, ["remote"])])
    print(await store.write(work))
    await store.close()

asyncio.run(main())
"""


def write_from_another_process(connection: Connection) -> None:
    subprocess.run(
        [
            sys.executable,
            "-c",
            WRITER,
            connection.uri,
            connection.user,
            connection.password,
            connection.database,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize("kind", BROKERS)
async def test_writes_of_another_process(kind: str, migrated: Connection, store: Store) -> None:
    query = "subscription { graphChanged { sequence actor entityId } }"
    settings = fast_settings(event_broker=kind, webhook_worker=False)
    with run_app(settings, migrated) as app:
        async with GqlWs(app.ws_url) as ws:
            await ws.subscribe("s", query)
            await ws.ready()
            await asyncio.to_thread(write_from_another_process, migrated)
            await app.record([partner("local")], actor="this-process")
            got = await ws.events("s", 2 if kind == "graph" else 1)
    actors = [e["graphChanged"]["actor"] for e in got]
    if kind == "graph":
        assert actors == ["other-process", "this-process"]
        assert [e["graphChanged"]["sequence"] for e in got] == [1, 2]
    else:
        # The in-process broker only hears the commits of its app's store.
        assert actors == ["this-process"]
        assert got[0]["graphChanged"]["sequence"] == 2


async def test_in_process_broker_restores_sequence_order(store: Store) -> None:
    broker = InProcessBroker(store)
    await broker.start()
    try:
        feed = broker.subscribe()

        def event(seq: int) -> Event:
            return Event.from_record(
                {"id": f"e{seq}", "seq": seq, "entityType": "Partner", "entityId": "p"}
            )

        # Two writers' commit hooks ran in the opposite order of their commits.
        broker.committed([event(1)])
        broker.committed([event(3)])
        broker.committed([event(2)])
        got = await take(feed, 3)
        assert [e.seq for e in got] == [1, 2, 3]
        # A gap that never fills (another process's write) holds events only briefly.
        broker.committed([event(5)])
        [late] = await take(feed, 1)
        assert late.seq == 5
    finally:
        await broker.stop()


async def test_graph_broker_stop_lets_the_poll_in_hand_finish() -> None:
    # Cancelling a poll while the driver opens a connection leaks that socket.
    entered, release = asyncio.Event(), asyncio.Event()
    outcomes: list[str] = []

    class SlowStore:
        def add_commit_listener(self, listener: object) -> None:
            pass

        def remove_commit_listener(self, listener: object) -> None:
            pass

        async def read_one(self, query: object, **params: object) -> dict[str, object]:
            entered.set()
            try:
                await release.wait()
            except asyncio.CancelledError:
                outcomes.append("cancelled")
                raise
            outcomes.append("finished")
            return {"head": 0, "idAt": None}

    broker = create_broker("graph", SlowStore(), poll_interval=0.01)  # type: ignore[arg-type]
    release.set()  # start() reads the head once
    await broker.start()
    release.clear()
    entered.clear()
    await asyncio.wait_for(entered.wait(), 10)  # a poll is in the store now
    stopping = asyncio.create_task(broker.stop())
    await asyncio.sleep(0.2)
    assert not stopping.done()
    release.set()
    await asyncio.wait_for(stopping, 10)
    assert outcomes[-1] == "finished" and "cancelled" not in outcomes
