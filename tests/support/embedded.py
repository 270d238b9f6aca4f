"""Run commands on, start and open embedded stores of their own data directories."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from graph_api.embedded import Connection, EmbeddedStore
from graph_api.store import Store, open_store


def embedded_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """A graph-api command on the embedded store, as a user runs it (no NEO4J_* settings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run(
        [sys.executable, "-m", "graph_api", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


@contextmanager
def running(data_dir: Path) -> Iterator[Connection]:
    """An embedded store on ``data_dir``, owned by this process, stopped on exit."""
    store = EmbeddedStore(data_dir, heap="512m")
    try:
        yield store.start()
    finally:
        store.stop()


@asynccontextmanager
async def opened(connection: Connection) -> AsyncIterator[Store]:
    handle = open_store(connection.uri, connection.user, connection.password, connection.database)
    try:
        yield handle
    finally:
        await handle.close()
