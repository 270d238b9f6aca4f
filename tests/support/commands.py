"""``graph-api`` commands run in a subprocess against the test store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph_api.embedded import Connection


def _store_env(connection: Connection) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
    }


def store_cli(args: list[str], connection: Connection) -> subprocess.CompletedProcess[str]:
    """A graph-api command on ``connection`` (the NEO4J_* settings name it)."""
    return subprocess.run(
        [sys.executable, "-m", "graph_api", *args],
        env=_store_env(connection),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def import_in_background(path: Path, connection: Connection) -> subprocess.Popen[str]:
    """``graph-api import`` of ``path`` into ``connection``, running while the test goes on."""
    # Small batches: many transactions, each of which must win the change-log counter.
    return subprocess.Popen(
        [sys.executable, "-m", "graph_api", "import", str(path), "--batch-size", "20"],
        env=_store_env(connection),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
