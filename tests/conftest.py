"""Shared fixtures: one graph store per session, a clean graph per test, a live server.

The store is the embedded one by default, the server at NEO4J_URI when that is
set, and a testcontainers Neo4j with ``--store=neo4j-container``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from graph_api.app import create_app
from graph_api.config import Settings
from graph_api.embedded import Connection, EmbeddedStore
from graph_api.migrations import migrate
from graph_api.store import Store, open_store
from tests.support.browser import browser  # noqa: F401  (a fixture for the browser tests)
from tests.support.domain import build_graph as build_domain_graph
from tests.support.graphs import WIPE, forget_shared, shared
from tests.support.intel import build_graph as build_intel_graph
from tests.support.processes import processes  # noqa: F401  (a fixture for the CLI tests)
from tests.support.servers import LiveServer, start_server, stop_server
from tests.support.stores import NEO4J_IMAGE


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
        forget_shared()
        await handle.write_query(WIPE)
        yield handle
    finally:
        await handle.close()


@pytest.fixture
async def kept_store(migrated: Connection) -> AsyncIterator[Store]:
    """A store handle on the graph as the last test left it (see graphs.shared)."""
    handle = open_store(migrated.uri, migrated.user, migrated.password, migrated.database)
    try:
        yield handle
    finally:
        await handle.close()


@pytest.fixture
async def domain_graph(kept_store: Store) -> Store:
    """The domain fixture graph (tests/support/domain.py), shared by tests that only read."""
    await shared(kept_store, "domain", build_domain_graph)
    return kept_store


@pytest.fixture
async def intel_graph(kept_store: Store) -> Store:
    """The intelligence fixture graph (tests/support/intel.py), shared by tests that only read."""
    await shared(kept_store, "intel", build_intel_graph)
    return kept_store


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
