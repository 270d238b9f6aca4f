"""ArcadeDB's Bolt server, run as a child JVM, as the local and test graph store.

One process owns a data directory at a time: it holds an advisory lock on
``store.lock`` and publishes the Bolt port in ``store.json``. Other commands
on the same directory (``migrate``, ``seed``, ``import`` while ``serve`` runs)
read that file and attach to the running store instead of starting another.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import neo4j

DATABASE = "neo4j"  # same name as Neo4j's default, so Browser and cypher-shell need no flag
ROOT_USER = "root"
LOCK_FILE = "store.lock"
STATE_FILE = "store.json"
PASSWORD_FILE = "root-password"
SECRET_ARGS_FILE = "jvm-secret.args"  # JVM options kept off the command line, which `ps` shows
LOG_FILE = "server.log"
STOP_GRACE_SECONDS = 15.0


class StoreError(Exception):
    """The embedded store could not be started or reached; the message says what to do."""


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str


def make_data_dir(data_dir: Path) -> None:
    """Create the data directory (0700) if needed, or say in one line why it cannot be."""
    choose = "choose another with --data-dir or GRAPH_API_DATA_DIR"
    if data_dir.exists() and not data_dir.is_dir():
        raise StoreError(f"the data directory {data_dir} is not a directory; {choose}")
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the data directory {data_dir} ({exc.strerror}); {choose}"
        ) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreError(f"the data directory {data_dir} is not writable; {choose}")


def _arcadedb_home() -> Path:
    try:
        import arcadedb_embedded
    except ImportError as exc:  # an install without the `embedded` extra (the Docker image)
        raise StoreError(
            "the embedded store is not installed: install graph-api with its `embedded` extra "
            "(`pip install -c constraints.txt -e '.[dev,embedded]'`, as scripts/bootstrap.sh "
            "does), or set NEO4J_URI to use a Neo4j server"
        ) from exc
    return Path(arcadedb_embedded.__file__).parent


def java_binary() -> Path:
    java = _arcadedb_home() / "jre" / "bin" / "java"
    if not java.exists():
        raise StoreError(
            f"the bundled Java runtime is missing at {java}; reinstall arcadedb-embedded "
            "(`pip install --force-reinstall arcadedb-embedded`)"
        )
    return java


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As the JVM does: lingering TIME_WAIT connections don't make a port taken.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _die_with_parent() -> None:
    """Runs in the child before exec: the JVM gets SIGTERM if its parent dies."""
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    os.setsid()


def read_password(data_dir: Path) -> str:
    """Return the root password, creating it (mode 0600) on first use."""
    path = data_dir / PASSWORD_FILE
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password + "\n")
    return password


def write_secret_args(data_dir: Path, password: str) -> Path:
    """Write the JVM's secret options to a 0600 argument file the `java` launcher reads (@file)."""
    path = data_dir / SECRET_ARGS_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an older file may have been created with another mode
    with os.fdopen(fd, "w") as handle:
        handle.write(f"-Darcadedb.server.rootPassword={password}\n")
    return path


def wait_until_ready(
    connection: Connection, timeout: float, process: subprocess.Popen[bytes] | None = None
) -> None:
    """Ready means a Cypher query succeeded: Bolt accepts sockets before the database exists.

    Each probe is a plain auto-commit query, not a managed transaction, so the
    driver does not retry (and log) on its own and the deadline holds.
    """
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    driver = neo4j.GraphDatabase.driver(
        connection.uri, auth=(connection.user, connection.password), connection_timeout=2
    )
    try:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise StoreError(f"the store process exited with code {process.returncode}")
            try:
                with driver.session(database=connection.database) as session:
                    session.run("RETURN 1 AS ok").consume()
                return
            except neo4j.exceptions.AuthError as exc:
                raise StoreError(
                    f"the store at {connection.uri} rejected user {connection.user!r} with the "
                    f"saved password ({exc.message}); the data directory's {PASSWORD_FILE} "
                    "file must be the one it was created with"
                ) from exc
            except Exception as exc:  # any other failure means "not ready yet"
                last_error = exc
                time.sleep(0.25)
    finally:
        driver.close()
    raise StoreError(
        f"the store did not answer a query within {timeout:.0f}s (last error: {last_error})"
    )


class EmbeddedStore:
    """Start, attach to, and stop the embedded store for one data directory."""

    def __init__(
        self,
        data_dir: Path,
        bolt_port: int = 0,
        heap: str = "1g",
        start_timeout: float = 90.0,
        log: IO[str] | None = None,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.requested_port = bolt_port
        self.heap = heap
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.connection: Connection | None = None
        self.attached = False
        self._lock_handle: IO[str] | None = None
        self._log = log
        self._restarting = False

    # -- public API ---------------------------------------------------------

    def start(self, *, reuse: bool = False) -> Connection:
        """Start the store, or with ``reuse`` attach to the one already serving this directory.

        Call it from a thread that lives as long as the store (the main thread):
        the JVM is tied to the thread that launched it (PR_SET_PDEATHSIG), so
        that it never outlives its owner.
        """
        make_data_dir(self.data_dir)
        if not self._try_lock():
            running = self._running_state()
            if running is None or not reuse:
                raise self._in_use(running)
            self.attached = True
            self.connection = self._connection_for(int(running["bolt_port"]))
            wait_until_ready(self.connection, self.start_timeout)
            return self.connection
        try:
            self._reap_orphan()
            self.connection = self._launch()
        except BaseException:
            self._release_lock()
            raise
        return self.connection

    def stop(self) -> None:
        """TERM the JVM, KILL it after a grace period, and release the lock."""
        if self.attached:
            return
        if self._lock_handle is None:  # never started, or already stopped
            return
        self._terminate()
        self._release_lock()

    def refuse_if_in_use(self) -> None:
        """Fail, naming the owner, if another process owns this directory; creates nothing.

        ``serve`` asks this first, so a second ``serve`` on the same directory
        hears about the owner rather than about the HTTP port the owner holds.
        """
        if not self.data_dir.is_dir():
            return  # nobody can own it yet; make_data_dir reports a file in the way
        try:
            free = self._try_lock()
        except OSError:
            return  # unreadable: make_data_dir says so when the store starts
        if free:
            self._release_lock()
            return
        raise self._in_use(self._running_state())

    def restart_if_dead(self) -> bool:
        """Start the JVM again if it died under us; returns whether it had to.

        It comes back on the same Bolt port, so drivers holding the old URI reconnect.
        A failed attempt leaves no JVM, and the next call tries again.
        """
        if self.attached or self._lock_handle is None:  # not ours, or stopped
            return False
        if self.process is not None and self.process.poll() is None:
            return False
        port = None if self.connection is None else int(self.connection.uri.rsplit(":", 1)[1])
        self._restarting = True
        try:
            self.connection = self._launch(port)
        finally:
            self._restarting = False
        return True

    def state(self) -> str:
        """``running``, ``restarting`` or ``down``: the JVM as of now, for /health."""
        if self._restarting:
            return "restarting"
        process = self.process
        if process is None or process.poll() is not None:
            return "down"
        return "running"

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    def death(self) -> str | None:
        """If the JVM this process started has exited, one line saying so; else None."""
        process = self.process
        if process is None or process.poll() is None:
            return None
        code = process.returncode
        how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        return (
            f"the embedded store (process {process.pid}) stopped unexpectedly ({how}); "
            f"see {self.data_dir / LOG_FILE}"
        )

    # -- internals ----------------------------------------------------------

    def _connection_for(self, port: int) -> Connection:
        return Connection(
            uri=f"bolt://127.0.0.1:{port}",
            user=ROOT_USER,
            password=read_password(self.data_dir),
            database=DATABASE,
        )

    def _in_use(self, running: dict[str, Any] | None) -> StoreError:
        if running is None:
            return StoreError(
                f"another process holds the lock on {self.data_dir} but published no "
                "store; wait for it to finish starting or stop it"
            )
        return StoreError(
            f"the store in {self.data_dir} is already in use by process "
            f"{running['owner_pid']} (Bolt on port {running['bolt_port']}); stop it "
            "first or use another --data-dir"
        )

    def _try_lock(self) -> bool:
        handle = open(self.data_dir / LOCK_FILE, "a+")  # noqa: SIM115 - held for the store's life
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._lock_handle = handle
        return True

    def _release_lock(self) -> None:
        if self._lock_handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_handle, fcntl.LOCK_UN)
            self._lock_handle.close()
            self._lock_handle = None

    def _running_state(self) -> dict[str, Any] | None:
        """The lock holder's published state; None if it publishes none within a few seconds.

        The holder may be between taking the lock and (re)writing the file, and a
        file left by a crashed owner names a dead process, so keep looking a while.
        """
        path = self.data_dir / STATE_FILE
        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline:
            try:
                state: dict[str, Any] = json.loads(path.read_text())
            except (FileNotFoundError, json.JSONDecodeError):
                state = {}
            if state and _pid_alive(int(state.get("owner_pid", -1))):
                return state
            time.sleep(0.25)
        return None

    def _reap_orphan(self) -> None:
        """A JVM left by an owner that was SIGKILLed would hold the database files."""
        path = self.data_dir / STATE_FILE
        try:
            state = json.loads(path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return
        pid = int(state.get("store_pid", -1))
        if pid > 0 and _pid_alive(pid) and _is_our_jvm(pid, self.data_dir):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + STOP_GRACE_SECONDS
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        path.unlink(missing_ok=True)

    def _launch(self, port: int | None = None) -> Connection:
        java = java_binary()
        home = _arcadedb_home()
        port = port or self.requested_port or free_port()
        if not _port_is_free(port):
            raise StoreError(
                f"port {port} on 127.0.0.1 is already taken; choose another with "
                "--bolt-port or GRAPH_API_BOLT_PORT, or 0 for a free one"
            )
        http_port = free_port()
        password = read_password(self.data_dir)
        command = [
            str(java),
            f"-Xmx{self.heap}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={port}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={http_port}",
            f"@{write_secret_args(self.data_dir, password)}",
            f"-Darcadedb.server.defaultDatabases={DATABASE}[]",
            f"-Darcadedb.server.rootPath={self.data_dir}",
            f"-Dgraph_api.data_dir={self.data_dir}",  # lets _is_our_jvm recognise it
            "-cp",
            f"{home / 'jars'}/*",
            "com.arcadedb.server.ArcadeDBServer",
        ]
        log = open(self.data_dir / LOG_FILE, "ab")  # noqa: SIM115 - handed to the child
        try:
            self.process = subprocess.Popen(
                command,
                cwd=self.data_dir,  # ArcadeDB writes ./log into its working directory
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )
        finally:
            log.close()
        state = {
            "owner_pid": os.getpid(),
            "store_pid": self.process.pid,
            "bolt_port": port,
            "http_port": http_port,
            "database": DATABASE,
        }
        (self.data_dir / STATE_FILE).write_text(json.dumps(state, indent=2))
        connection = self._connection_for(port)
        try:
            wait_until_ready(connection, self.start_timeout, self.process)
        except StoreError as exc:
            self._terminate()
            raise StoreError(f"{exc}; see {self.data_dir / LOG_FILE}") from exc
        except BaseException:  # Ctrl-C or SIGTERM while starting: leave no JVM behind
            self._terminate()
            raise
        return connection

    def _terminate(self) -> None:
        """TERM the JVM's process group, KILL it after the grace period, forget the state."""
        process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.process = None
        with contextlib.suppress(FileNotFoundError):
            (self.data_dir / STATE_FILE).unlink()


def _is_our_jvm(pid: int, data_dir: Path) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return f"-Dgraph_api.data_dir={data_dir}".encode() in cmdline


def describe(connection: Connection, data_dir: Path) -> str:
    """How to reach the store from Neo4j Browser or cypher-shell."""
    return (
        f"Bolt: {connection.uri}  user: {connection.user}  database: {connection.database}\n"
        f"  password file: {data_dir.resolve() / PASSWORD_FILE}\n"
        f"  cypher-shell -a {connection.uri} -u {connection.user} "
        f'-p "$(cat {data_dir.resolve() / PASSWORD_FILE})"'
    )
