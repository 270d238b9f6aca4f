"""``graph-api`` processes started by tests: environments, readiness, teardown by PID.

Every process a test starts, and every store JVM those start, is killed by PID
when the test ends, whether it passed or not (the ``processes`` fixture).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph_api.embedded import STATE_FILE, free_port

REPO = Path(__file__).resolve().parent.parent.parent


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without store or service settings, so defaults apply."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEO4J_", "GRAPH_API_"))
    }
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def pid_alive(pid: int) -> bool:
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


@dataclass
class Served:
    """A running ``graph-api serve`` and what it printed up to its ready line."""

    process: subprocess.Popen[str]
    lines: list[str]
    http_port: int
    data_dir: Path
    stderr_path: Path
    pending: queue.Queue[str | None] = field(default_factory=queue.Queue)

    def token_lines(self, timeout: float = 30.0) -> list[str]:
        """The demo token lines serve prints after its ready line, up to the "more:" hint."""
        lines: list[str] = []
        while not lines or not lines[-1].startswith("  more: "):
            line = self.pending.get(timeout=timeout)
            assert line is not None, f"serve ended after printing {lines}"
            lines.append(line)
        return lines

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def state(self) -> dict[str, int]:
        state: dict[str, int] = json.loads((self.data_dir / STATE_FILE).read_text())
        return state


@dataclass
class Processes:
    """Tracks PIDs to kill at teardown: serve processes and the store JVMs they start."""

    procs: list[subprocess.Popen[str]] = field(default_factory=list)
    pids: set[int] = field(default_factory=set)

    def cleanup(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        for pid in self.pids:
            if pid_alive(pid):
                os.kill(pid, signal.SIGKILL)
                wait_dead(pid)


@pytest.fixture
def processes() -> Iterator[Processes]:
    tracked = Processes()
    try:
        yield tracked
    finally:
        tracked.cleanup()


def start_serve(
    processes: Processes,
    data_dir: Path,
    log_dir: Path,
    env: dict[str, str] | None = None,
    extra: tuple[str, ...] = (),
) -> Served:
    """Start ``graph-api serve`` in its own process group and wait for its ready line."""
    http_port = free_port()
    stderr_path = log_dir / f"serve-{http_port}.err"
    with stderr_path.open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "graph_api",
                "serve",
                "--port",
                str(http_port),
                "--data-dir",
                str(data_dir),
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env or clean_env(),
            cwd=REPO,
            start_new_session=True,  # like a terminal's foreground job; the JVM has its own
        )
    processes.procs.append(process)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if (data_dir / STATE_FILE).exists():
            processes.pids.add(json.loads((data_dir / STATE_FILE).read_text())["store_pid"])
        if line.startswith("ready:"):
            return Served(process, seen, http_port, data_dir, stderr_path, lines)
    raise AssertionError(
        f"serve printed no ready line; stdout: {seen}; stderr: {stderr_path.read_text()}"
    )
