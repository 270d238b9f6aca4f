"""Liveness and readiness over real HTTP, with the store up, down, and hanging."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

import httpx

from graph_api.app import READY_QUERY_TIMEOUT, create_app
from graph_api.config import Settings
from graph_api.embedded import Connection, free_port
from tests.conftest import LiveServer, start_server, stop_server


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
