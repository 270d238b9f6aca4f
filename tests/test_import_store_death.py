"""A standalone import whose embedded store dies under it names that cause, not
NEO4J_URI (which is not set), and says how to finish the import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j

from graph_api.embedded import DATABASE, ROOT_USER, STATE_FILE, read_password
from tests.support.processes import REPO, clean_env, pid_alive, wait_dead

ROWS = 20_000
DEADLINE = 180.0


def _state(data_dir: Path) -> dict[str, int] | None:
    try:
        state: dict[str, int] = json.loads((data_dir / STATE_FILE).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    return state


def _wait_for_rows(data_dir: Path, importing: subprocess.Popen[str]) -> int:
    """Wait until the import has committed rows; return the store's PID."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and importing.poll() is None:
        state = _state(data_dir)
        if state is not None:
            uri = f"bolt://127.0.0.1:{state['bolt_port']}"
            try:
                # One attempt per poll: a managed query would retry for half a minute.
                with (
                    neo4j.GraphDatabase.driver(uri, auth=(ROOT_USER, read_password(data_dir))) as d,
                    d.session(database=DATABASE) as session,
                ):
                    record = session.run("MATCH (p:Partner) RETURN count(p) AS n").single()
                if record is not None and record["n"] > 0:
                    return state["store_pid"]
            except neo4j.exceptions.Neo4jError:
                pass  # the database is not created or migrated yet
            except neo4j.exceptions.DriverError:
                pass  # Bolt is not up yet
        time.sleep(0.2)
    raise AssertionError("the import wrote nothing in time")


def test_store_killed_mid_import_is_named_as_the_cause(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    feed = tmp_path / "partners.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"type": "Partner", "id": f"p{i}", "name": f"P {i}", "kind": "msp"}) + "\n"
            for i in range(ROWS)
        )
    )
    importing = subprocess.Popen(
        [sys.executable, "-m", "graph_api", "import", str(feed), "--batch-size", "10"],
        env=clean_env(GRAPH_API_DATA_DIR=str(data_dir)),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    store_pid = None
    try:
        store_pid = _wait_for_rows(data_dir, importing)
        os.kill(store_pid, signal.SIGKILL)
        _, stderr = importing.communicate(timeout=DEADLINE)
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.communicate()
        if store_pid is not None and pid_alive(store_pid):
            os.kill(store_pid, signal.SIGKILL)
            wait_dead(store_pid)
    assert importing.returncode == 1, stderr
    assert "NEO4J_URI" not in stderr
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith(
        f"graph-api: the embedded store (process {store_pid}) stopped unexpectedly "
        f"(killed by signal {signal.SIGKILL.value}); see {data_dir.resolve() / 'server.log'}. "
        "The import stopped after "
    ), stderr
    assert last.endswith(
        f" of {ROWS} rows; run it again to finish (rows already stored stay unchanged)"
    ), stderr
