"""Shared fixtures: one graph store per session, a clean graph per test, a live server.

The store is the embedded one by default, the server at NEO4J_URI when that is
set, and a testcontainers Neo4j with ``--store=neo4j-container``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from graph_api.app import create_app
from graph_api.config import Settings
from graph_api.embedded import Connection, EmbeddedStore, free_port
from graph_api.http_server import server_config
from graph_api.migrations import migrate
from graph_api.store import Store, open_store
from tests.statements import support_query

NEO4J_IMAGE = "neo4j:5.26.2-community"
WIPE = support_query("wipe_graph")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store",
        default="embedded",
        choices=["embedded", "neo4j-container"],
        help="graph store for integration tests (NEO4J_URI, when set, wins)",
    )


def _docker_available() -> bool:
    import gc
    import warnings

    available = False
    # A failed probe leaves the docker client's socket to the garbage collector; collect
    # it here, where its ResourceWarning is expected, not in some later test.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            import docker

            client = docker.from_env()
            try:
                available = bool(client.ping())
            finally:
                client.close()
        except Exception:
            available = False
        gc.collect()
    return available


@pytest.fixture(scope="session")
def connection(request: pytest.FixtureRequest) -> Iterator[Connection]:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield Connection(
            uri=uri,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        return
    if request.config.getoption("--store") == "neo4j-container":
        if not _docker_available():
            pytest.skip("--store=neo4j-container needs a running Docker engine; none was found")
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE) as container:
            yield Connection(
                uri=container.get_connection_url(),
                user="neo4j",
                password=container.password,
                database="neo4j",
            )
        return
    data_dir = Path(tempfile.mkdtemp(prefix="graph-api-test-store-"))
    store = EmbeddedStore(data_dir, heap="1g")
    try:
        yield store.start()
    finally:
        store.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def migrated(connection: Connection) -> Connection:
    async def run() -> None:
        store = open_store(
            connection.uri, connection.user, connection.password, connection.database
        )
        try:
            await migrate(store)
        finally:
            await store.close()

    asyncio.run(run())
    return connection


@pytest.fixture
async def store(migrated: Connection) -> AsyncIterator[Store]:
    """A store handle on a migrated graph that is empty at the start of the test."""
    handle = open_store(migrated.uri, migrated.user, migrated.password, migrated.database)
    try:
        await handle.write_query(WIPE)
        yield handle
    finally:
        await handle.close()


@dataclass
class LiveServer:
    url: str
    settings: Settings

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    def post(
        self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> httpx.Response:
        return httpx.post(
            self.graphql_url,
            json={"query": query, "variables": variables or {}},
            timeout=60,
            **kwargs,
        )

    def gql(
        self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """POST a query and return its JSON; fails the test on HTTP errors."""
        response = self.post(query, variables, **kwargs)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test process keeps its own handlers
        pass


def start_server(app: Any) -> tuple[_Server, threading.Thread, str]:
    port = free_port()
    config = server_config(app, app.state.graph.settings, "127.0.0.1", port, log_level="warning")
    server = _Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def stop_server(server: _Server, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="session")
def server_settings() -> Settings:
    # Webhook tests run their own app with short retry timings; one delivery
    # worker per graph at a time (it holds a lease), so this one has none.
    return Settings(graphiql=True, introspection=True, webhook_worker=False)


@pytest.fixture(scope="session")
def live_server(migrated: Connection, server_settings: Settings) -> Iterator[LiveServer]:
    """The real app over real HTTP on a free loopback port, for the whole session."""
    app = create_app(server_settings, migrated)
    server, thread, url = start_server(app)
    try:
        yield LiveServer(url=url, settings=server_settings)
    finally:
        stop_server(server, thread)


@pytest.fixture
async def server(live_server: LiveServer, store: Store) -> LiveServer:
    """The live server over a graph that is empty at the start of the test."""
    return live_server


def socket_is_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


# Headless Chromium for the browser tests (tests/browser_support.py).
from tests.browser_support import browser  # noqa: E402, F401
