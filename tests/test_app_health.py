"""Liveness and readiness over real HTTP, with the store up, down, and hanging."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph_api.app import READY_QUERY_TIMEOUT, create_app
from graph_api.config import Settings
from graph_api.embedded import Connection, EmbeddedStore, free_port
from graph_api.errors import StoreUnavailable
from graph_api.migrations import migrate
from graph_api.store import Store, open_store, request_deadline
from tests.support.security import SECRET, auth
from tests.support.servers import LiveServer, start_server, stop_server
from tests.support.statements import support_query


@contextlib.contextmanager
def app_pointed_at(bolt_port: int) -> Iterator[str]:
    """The app served over HTTP with its store at 127.0.0.1:bolt_port; yields the base URL."""
    connection = Connection(
        uri=f"bolt://127.0.0.1:{bolt_port}", user="root", password="unused", database="neo4j"
    )
    server, thread, url = start_server(create_app(Settings(), connection))
    try:
        yield url
    finally:
        stop_server(server, thread)


def test_ready_and_health_with_a_live_store(live_server: LiveServer) -> None:
    health = httpx.get(f"{live_server.url}/health", timeout=30)
    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    ready = httpx.get(f"{live_server.url}/ready", timeout=30)
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})


def test_ready_is_503_with_a_reason_when_the_store_is_unreachable() -> None:
    dead_port = free_port()  # nothing listens here
    with app_pointed_at(dead_port) as url:
        ready = httpx.get(f"{url}/ready", timeout=30)
        health = httpx.get(f"{url}/health", timeout=30)
    assert ready.status_code == 503
    body = ready.json()
    assert body["status"] == "unavailable"
    assert body["reason"].startswith(
        f"graph store unreachable: Couldn't connect to 127.0.0.1:{dead_port}"
    )
    assert "\n" not in body["reason"]
    # Liveness does not depend on the store.
    assert (health.status_code, health.json()) == (200, {"status": "ok"})


def test_ready_answers_503_when_the_store_hangs() -> None:
    with socket.socket() as silent:  # accepts connections, never speaks Bolt
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        with app_pointed_at(silent.getsockname()[1]) as url:
            ready = httpx.get(f"{url}/ready", timeout=30)
    assert ready.status_code == 503
    assert ready.json() == {
        "status": "unavailable",
        "reason": f"graph store did not answer within {READY_QUERY_TIMEOUT:.0f}s",
    }


COUNTS = support_query("graph_counts")
QUERY_TIMEOUT = 3  # seconds; GRAPH_API_QUERY_TIMEOUT for the frozen-store test
READ = "{ partners(first: 5) { totalCount nodes { id } } }"
WRITE = """mutation($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename ... on PartnerPayload { partner { id } } }
}"""


@contextlib.contextmanager
def own_store() -> Iterator[EmbeddedStore]:
    """A migrated embedded store of this test's own: it is frozen, so not the shared one."""
    data_dir = Path(tempfile.mkdtemp(prefix="graph-api-frozen-store-"))
    store = EmbeddedStore(data_dir, heap="512m")
    try:
        connection = store.start()

        async def prepare() -> None:
            handle = open_store(
                connection.uri, connection.user, connection.password, connection.database
            )
            try:
                await migrate(handle)
            finally:
                await handle.close()

        asyncio.run(prepare())
        yield store
    finally:
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def until_answered(client: httpx.Client, url: str, body: dict[str, object]) -> object:
    """The data of ``body``'s first answer that is not STORE_UNAVAILABLE (ten tries)."""
    for _ in range(10):
        answer = client.post(f"{url}/graphql", json=body).json()
        codes = [e["extensions"]["code"] for e in answer.get("errors", [])]
        if codes != ["STORE_UNAVAILABLE"]:
            assert not codes, answer
            return answer["data"]
    raise AssertionError(f"the store never answered {body}")


def test_requests_end_with_a_typed_error_while_the_store_is_frozen() -> None:
    """A store that stops answering (SIGSTOP) fails reads and writes within the query
    timeout, with STORE_UNAVAILABLE, instead of holding them; they work again after."""
    with own_store() as embedded:
        assert embedded.connection is not None and embedded.pid is not None
        settings = Settings(query_timeout=QUERY_TIMEOUT, webhook_worker=False, jwt_secret=SECRET)
        server, thread, url = start_server(create_app(settings, embedded.connection))
        # Bounded well under what a hang would take; the store's own timeouts cannot fire.
        client = httpx.Client(timeout=QUERY_TIMEOUT * 10, headers=auth("admin"))
        # A partner's request first looks up its scope: that lookup fails the same way.
        partner = auth("partner", "f-1")
        try:
            write = {
                "query": WRITE,
                "variables": {"input": {"id": "f-1", "name": "Frozen", "kind": "RESELLER"}},
            }
            # On a busy machine a fresh store's first statements may take longer than
            # the short timeout used here: try until one write has gone through.
            assert until_answered(client, url, write) == {
                "upsertPartner": {"__typename": "PartnerPayload", "partner": {"id": "f-1"}}
            }
            os.kill(embedded.pid, signal.SIGSTOP)
            try:
                for body, headers in [
                    ({"query": READ}, {}),
                    (write, {}),
                    ({"query": READ}, partner),
                ]:
                    response = client.post(f"{url}/graphql", json=body, headers=headers)
                    assert response.status_code == 200, response.text
                    [error] = response.json()["errors"]
                    assert error["extensions"] == {"code": "STORE_UNAVAILABLE", "reason": "timeout"}
                    assert error["message"] == (
                        f"the graph store did not answer within {QUERY_TIMEOUT}s; try again later"
                    )
                assert client.get(f"{url}/ready").status_code == 503
            finally:
                os.kill(embedded.pid, signal.SIGCONT)
            assert until_answered(client, url, {"query": READ}) == {
                "partners": {"totalCount": 1, "nodes": [{"id": "f-1"}]}
            }
            assert client.get(f"{url}/ready").status_code == 200
        finally:
            client.close()
            stop_server(server, thread)


async def test_the_store_calls_of_one_request_share_its_time(store: Store) -> None:
    """Each call has the whole timeout, but a request's calls together have no more:
    once its time is spent, the next call fails at once without reaching the store."""
    bounded = Store(store.driver, store.database, timeout=30)
    try:
        request_deadline(60)
        counts = await bounded.read(COUNTS)  # within the request's time: answered
        request_deadline(0)  # the request's time is spent
        before = bounded.total_round_trips
        with pytest.raises(StoreUnavailable) as error:
            await bounded.read(COUNTS)
        assert error.value.extensions == {"code": "STORE_UNAVAILABLE", "reason": "timeout"}
        with pytest.raises(StoreUnavailable):
            await bounded.write_query(COUNTS)
        assert bounded.total_round_trips - before == 1  # counted, never sent
        request_deadline(None)
        assert await bounded.read(COUNTS) == counts
    finally:
        request_deadline(None)
