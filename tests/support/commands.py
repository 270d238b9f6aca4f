"""``graph-api`` commands run in a subprocess against the test store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph_api.embedded import Connection


def store_cli(args: list[str], connection: Connection) -> subprocess.CompletedProcess[str]:
    """A graph-api command on ``connection`` (the NEO4J_* settings name it)."""
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
    }
    return subprocess.run(
        [sys.executable, "-m", "graph_api", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def import_process(path: Path, connection: Connection) -> subprocess.Popen[str]:
    """`graph-api import` of ``path`` on ``connection``, running in the background."""
    env = {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
    }
    # Small batches: many transactions, each of which must win the counter.
    return subprocess.Popen(
        [sys.executable, "-m", "graph_api", "import", str(path), "--batch-size", "20"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
