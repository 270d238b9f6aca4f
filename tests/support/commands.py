"""``graph-api`` commands run in a subprocess against the test store."""

from __future__ import annotations

import os
import subprocess
import sys

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
