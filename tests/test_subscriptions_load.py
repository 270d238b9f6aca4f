"""Load: 100 WebSocket subscribers each receive every one of 1,000 events.

Fan-out to subscribers is the same code for every broker (they differ only in
where events come from, which tests/test_subscriptions.py covers per broker),
so this heavy run uses the default broker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from graph_api.changes import CREATE, Change
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.events import GqlWs, RunningApp, fast_settings, run_app


@pytest.fixture(scope="module")
def app(migrated: Connection) -> Iterator[RunningApp]:
    with run_app(fast_settings(webhook_worker=False), migrated) as running:
        yield running


def partner(pid: str, name: str) -> Change:
    return Change("Partner", pid, CREATE, None, {"id": pid, "name": name}, [pid])


async def test_hundred_subscribers_each_receive_all_thousand_events(
    app: RunningApp, store: Store
) -> None:
    query = "subscription { graphChanged { sequence } }"
    clients = [GqlWs(app.ws_url) for _ in range(100)]
    try:
        for client in clients:
            await client.__aenter__()
            await client.subscribe("s", query)
        for client in clients:
            await client.ready()
        # Ten transactions of a hundred changes each, through the app's own store, whose
        # commits its broker hears (``store`` only gives the test an empty graph).
        for batch in range(10):
            await app.record([partner(f"p{batch}-{i}", "x") for i in range(100)], actor="bulk")

        async def drain(client: GqlWs) -> list[int]:
            got = await client.events("s", 1000, timeout=120)
            return [e["graphChanged"]["sequence"] for e in got]

        results = await asyncio.gather(*(drain(c) for c in clients))
    finally:
        await asyncio.gather(*(client.close() for client in clients))
    expected = list(range(1, 1001))
    assert all(seqs == expected for seqs in results)
    assert len(results) == 100
