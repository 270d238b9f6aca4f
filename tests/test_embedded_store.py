"""Lifecycle of the embedded store: a real JVM in a temporary data directory.

One store (``running``) serves the checks that leave it running; the restart
and crash test starts its own, since it kills and restarts the JVM.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph_api import embedded
from graph_api.embedded import (
    LOCK_FILE,
    LOG_FILE,
    PASSWORD_FILE,
    SECRET_ARGS_FILE,
    STATE_FILE,
    Connection,
    EmbeddedStore,
    StoreError,
)


def pid_alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def wait_dead(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.1)
    return False


def kill_if_alive(pid: int | None) -> None:
    if pid is not None and pid_alive(pid):
        os.kill(pid, signal.SIGKILL)
        wait_dead(pid)


def count_probes(connection: Connection) -> int:
    with neo4j.GraphDatabase.driver(
        connection.uri, auth=(connection.user, connection.password)
    ) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (p:LifecycleProbe) RETURN count(p) AS n", database_=connection.database
        )
        return int(records[0]["n"])


def add_probe(connection: Connection, probe_id: str) -> None:
    with neo4j.GraphDatabase.driver(
        connection.uri, auth=(connection.user, connection.password)
    ) as driver:
        driver.execute_query(
            "CREATE (:LifecycleProbe {id: $id})", {"id": probe_id}, database_=connection.database
        )


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) with a LISTEN socket on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.add(address)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1, ::ffff:127.0.0.1


@pytest.fixture(scope="module")
def running() -> Iterator[EmbeddedStore]:
    data_dir = Path(tempfile.mkdtemp(prefix="graph-api-lifecycle-"))
    store = EmbeddedStore(data_dir / "data")
    try:
        store.start()
        yield store
    finally:
        pid = store.pid
        store.stop()
        kill_if_alive(pid)
        shutil.rmtree(data_dir, ignore_errors=True)


def test_starts_on_loopback_and_answers_cypher(running: EmbeddedStore) -> None:
    connection = running.connection
    assert connection is not None
    assert running.pid is not None and pid_alive(running.pid)
    port = int(connection.uri.rsplit(":", 1)[1])
    assert connection.uri == f"bolt://127.0.0.1:{port}"
    assert (connection.user, connection.database) == ("root", "neo4j")
    with neo4j.GraphDatabase.driver(
        connection.uri, auth=(connection.user, connection.password)
    ) as driver:
        records, _, _ = driver.execute_query("RETURN 40 + 2 AS answer", database_="neo4j")
    assert records[0]["answer"] == 42
    addresses = listening_addresses(port)
    assert addresses and addresses <= LOOPBACK, addresses


def test_state_password_and_log_live_in_the_data_dir(running: EmbeddedStore) -> None:
    data_dir = running.data_dir
    assert running.connection is not None
    password_file = data_dir / PASSWORD_FILE
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password_file.read_text().strip() == running.connection.password
    assert len(running.connection.password) >= 32
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    # The password never appears on the JVM's command line, which any local user can read.
    assert running.pid is not None
    cmdline = Path(f"/proc/{running.pid}/cmdline").read_bytes().decode()
    assert running.connection.password not in cmdline
    secret_args = data_dir / SECRET_ARGS_FILE
    assert f"@{secret_args}" in cmdline.split("\0")
    assert stat.S_IMODE(secret_args.stat().st_mode) == 0o600
    state = json.loads((data_dir / STATE_FILE).read_text())
    assert state["owner_pid"] == os.getpid()
    assert state["store_pid"] == running.pid
    assert f"bolt://127.0.0.1:{state['bolt_port']}" == running.connection.uri
    log = (data_dir / LOG_FILE).read_text()
    assert "ArcadeDB Server started" in log
    assert (data_dir / "log").is_dir()  # the server's own log folder, not the caller's cwd
    assert not Path("log").exists() or Path("log").resolve().parent == data_dir


def test_second_instance_on_the_same_dir_is_refused(running: EmbeddedStore) -> None:
    assert running.connection is not None
    port = running.connection.uri.rsplit(":", 1)[1]
    second = EmbeddedStore(running.data_dir)
    with pytest.raises(StoreError) as error:
        second.start()
    message = str(error.value)
    assert "\n" not in message
    assert message == (
        f"the store in {running.data_dir} is already in use by process {os.getpid()} "
        f"(Bolt on port {port}); stop it first or use another --data-dir"
    )
    assert second.process is None  # no second JVM was launched
    second.stop()  # harmless: it owns nothing
    assert running.pid is not None and pid_alive(running.pid)


def test_reuse_attaches_to_the_running_store(running: EmbeddedStore) -> None:
    attached = EmbeddedStore(running.data_dir)
    connection = attached.start(reuse=True)
    assert attached.attached is True
    assert attached.process is None
    assert connection == running.connection
    add_probe(connection, "attached")
    assert count_probes(connection) >= 1
    attached.stop()  # an attached handle never stops the owner's JVM
    assert running.pid is not None and pid_alive(running.pid)
    assert (running.data_dir / STATE_FILE).exists()


def test_taken_bolt_port_is_one_clear_line(running: EmbeddedStore, tmp_path: Path) -> None:
    assert running.connection is not None
    taken = int(running.connection.uri.rsplit(":", 1)[1])
    other = EmbeddedStore(tmp_path / "other", bolt_port=taken)
    with pytest.raises(StoreError) as error:
        other.start()
    assert str(error.value) == (
        f"port {taken} on 127.0.0.1 is already taken; choose another with --bolt-port or "
        "GRAPH_API_BOLT_PORT, or 0 for a free one"
    )
    assert other.process is None
    # The failed start released its lock: the directory is free for the next try.
    with open(tmp_path / "other" / LOCK_FILE) as handle:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_port_taken_by_a_plain_socket(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(StoreError, match=f"^port {port} on 127.0.0.1 is already taken"):
            EmbeddedStore(tmp_path / "d", bolt_port=port).start()


def test_missing_java_runtime_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_home = tmp_path / "arcadedb_embedded"
    fake_home.mkdir()
    monkeypatch.setattr(embedded, "_arcadedb_home", lambda: fake_home)
    store = EmbeddedStore(tmp_path / "d")
    with pytest.raises(StoreError) as error:
        store.start()
    assert str(error.value) == (
        f"the bundled Java runtime is missing at {fake_home / 'jre' / 'bin' / 'java'}; "
        "reinstall arcadedb-embedded (`pip install --force-reinstall arcadedb-embedded`)"
    )
    assert store.process is None
    assert not (tmp_path / "d" / STATE_FILE).exists()


def test_restart_keeps_data_and_recovers_from_sigkill(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    pids: list[int] = []
    stores: list[EmbeddedStore] = []
    owner: subprocess.Popen[str] | None = None
    try:
        # 1. Start, write, stop: the JVM is gone, the state file and lock are released.
        first = EmbeddedStore(data_dir)
        stores.append(first)
        connection = first.start()
        assert first.pid is not None
        pids.append(first.pid)
        add_probe(connection, "before-restart")
        first.stop()
        assert wait_dead(pids[-1], timeout=1.0)
        assert not (data_dir / STATE_FILE).exists()

        # 2. A new instance on the same directory sees the data.
        second = EmbeddedStore(data_dir)
        stores.append(second)
        connection = second.start()
        assert second.pid is not None
        pids.append(second.pid)
        assert count_probes(connection) == 1

        # 3. SIGKILL the JVM under its owner: it restarts on the same port, data intact.
        os.kill(second.pid, signal.SIGKILL)
        # Wait on the child itself: a killed JVM's main thread shows as a zombie
        # while its other threads still exit, before waitpid can reap it.
        assert second.process is not None
        second.process.wait(timeout=30)
        assert second.restart_if_dead() is True
        assert second.pid is not None and second.pid != pids[-1]
        pids.append(second.pid)
        assert second.connection == connection
        assert count_probes(connection) == 1
        add_probe(connection, "after-sigkill")
        assert second.restart_if_dead() is False
        assert second.state() == "running"

        # 3b. It dies again while its port is taken: the restart fails, leaves no JVM
        #     and says so in state(); once the port is free, the next attempt works.
        os.kill(second.pid, signal.SIGKILL)
        second.process.wait(timeout=30)
        assert second.state() == "down"
        port = int(connection.uri.rsplit(":", 1)[1])
        with socket.socket() as squatter:
            _bind_when_free(squatter, port)
            squatter.listen()
            with pytest.raises(StoreError, match=f"port {port} on 127.0.0.1 is already taken"):
                second.restart_if_dead()
            assert second.state() == "down"
        assert second.restart_if_dead() is True
        assert second.pid is not None
        pids.append(second.pid)
        assert second.state() == "running"
        assert count_probes(connection) == 2
        second.stop()
        assert wait_dead(pids[-1], timeout=1.0)

        # 4. SIGKILL the owning process: its JVM follows it (no orphan), and the next
        #    start on the directory works and finds everything written so far.
        script = textwrap.dedent(
            f"""
            import sys, time
            from pathlib import Path
            from graph_api.embedded import EmbeddedStore
            store = EmbeddedStore(Path({str(data_dir)!r}))
            store.start()
            print(store.pid, flush=True)
            time.sleep(600)
            """
        )
        owner = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert owner.stdout is not None
        orphan_pid = int(owner.stdout.readline())
        pids.append(orphan_pid)
        assert pid_alive(orphan_pid)
        owner.kill()
        owner.wait()
        assert wait_dead(orphan_pid), "the JVM outlived its owner"

        third = EmbeddedStore(data_dir)
        stores.append(third)
        connection = third.start()
        assert third.pid is not None
        pids.append(third.pid)
        assert count_probes(connection) == 2
        third.stop()
        assert all(not pid_alive(pid) for pid in pids)
    finally:
        if owner is not None:
            if owner.poll() is None:
                owner.kill()
                owner.wait()
            if owner.stdout is not None:
                owner.stdout.close()
        for store in stores:
            store.stop()  # releases the lock file even when an assertion failed midway
        for pid in pids:
            kill_if_alive(pid)


def _bind_when_free(sock: socket.socket, port: int, timeout: float = 15.0) -> None:
    """Bind to the port a killed JVM held: its sockets close with the process, which a
    busy machine may take a moment to finish after the reap."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT
    deadline = time.monotonic() + timeout
    while True:
        try:
            sock.bind(("127.0.0.1", port))
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
