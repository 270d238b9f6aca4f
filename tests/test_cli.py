"""The ``graph-api`` command, run as users run it: in subprocesses, on free ports.

Every process a test starts, and every store JVM those start, is killed by PID
when the test ends, whether it passed or not (tests/support/processes.py).
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import neo4j
import pytest

from graph_api.app import WORKER_PID_HEADER
from graph_api.auth import dev_secret, mint
from graph_api.cli import build_parser
from graph_api.commands import COMMANDS
from graph_api.commands.options import settings_from
from graph_api.embedded import PASSWORD_FILE, STATE_FILE, Connection, free_port
from graph_api.migrations import discover
from tests.support.processes import (
    REPO,
    Processes,
    Served,
    clean_env,
    pid_alive,
    start_serve,
    wait_dead,
)

DEMO_PARTNERS = sum(
    1
    for line in (REPO / "seed" / "demo.jsonl").read_text().splitlines()
    if json.loads(line).get("type") == "Partner"
)


def graph_api(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph_api", *args],
        capture_output=True,
        text=True,
        env=env or clean_env(),
        cwd=REPO,
        timeout=240,
    )


def bolt_query(served: Served, text: str) -> list[dict[str, object]]:
    state = served.state()
    password = (served.data_dir / PASSWORD_FILE).read_text().strip()
    with neo4j.GraphDatabase.driver(
        f"bolt://127.0.0.1:{state['bolt_port']}", auth=("root", password)
    ) as driver:
        records, _, _ = driver.execute_query(text, database_="neo4j")
    return [record.data() for record in records]


def partner_count(served: Served) -> int:
    # serve signs tokens with the development secret it keeps in the data directory.
    token = mint(dev_secret(served.data_dir), "admin", "cli-test", ttl=600)
    response = httpx.post(
        f"{served.url}/graphql",
        json={"query": "{ partners(first: 1) { totalCount } }"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    count: int = response.json()["data"]["partners"]["totalCount"]
    return count


def accepted(served: Served, token: str) -> bool:
    response = httpx.post(
        f"{served.url}/graphql",
        json={"query": "{ partners(first: 1) { totalCount } }"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    return response.status_code == 200 and "errors" not in response.json()


def wait_for_restart(served: Served, timeout: float = 180.0, nth: int = 1) -> int:
    """The new store PID, once serve reports that it restarted a dead store (``nth`` time)."""
    prefix = "graph-api: the store process stopped unexpectedly; restarted as "
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = served.stderr_path.read_text().splitlines()
        restarts = [line for line in lines if line.startswith(prefix)]
        if len(restarts) >= nth:
            return int(restarts[nth - 1].removeprefix(prefix))
        time.sleep(0.2)
    raise AssertionError(f"no restart reported; stderr: {served.stderr_path.read_text()}")


def wait_ready(served: Served, timeout: float = 60.0) -> bool:
    """/ready answers 200 again (the driver drops connections to the old JVM first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if httpx.get(f"{served.url}/ready", timeout=30).status_code == 200:
            return True
        time.sleep(0.2)
    return False


def wait_health(served: Served, status: int, timeout: float = 120.0) -> dict[str, object]:
    """The body of the first /health answer with ``status``."""
    deadline = time.monotonic() + timeout
    seen: list[tuple[int, str]] = []
    while time.monotonic() < deadline:
        response = httpx.get(f"{served.url}/health", timeout=30)
        if response.status_code == status:
            body: dict[str, object] = response.json()
            return body
        seen.append((response.status_code, response.text))
        time.sleep(0.05)
    raise AssertionError(f"/health never answered {status}; last: {seen[-3:]}")


def stop_with(served: Served, sig: signal.Signals) -> int:
    """Send ``sig`` to the serve process group; return its exit code once all is gone."""
    store_pid = served.state()["store_pid"]
    os.killpg(served.process.pid, sig)
    code = served.process.wait(timeout=60)
    assert wait_dead(store_pid), f"store JVM {store_pid} outlived serve"
    assert not (served.data_dir / STATE_FILE).exists()
    return code


# -- help -----------------------------------------------------------------------------


def subcommands() -> dict[str, object]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    choices: dict[str, object] = dict(action.choices or {})
    return choices


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    names = subcommands()
    assert {"serve", "migrate"} <= set(names)
    assert len(names) == len(COMMANDS)
    for name in names:
        with pytest.raises(SystemExit) as exit_info:
            build_parser().parse_args([name, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: graph-api {name} "), out
        assert "-h, --help" in out


def test_python_dash_m_help_lists_every_command() -> None:
    result = graph_api("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: graph-api ")
    for name in subcommands():
        assert f"    {name} " in result.stdout or f"    {name}\n" in result.stdout, name
    assert result.stderr == ""


# -- one-line errors ------------------------------------------------------------------


def test_serve_on_a_taken_bolt_port_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        result = graph_api(
            "serve",
            "--port",
            str(free_port()),
            "--bolt-port",
            str(taken),
            "--data-dir",
            str(tmp_path / "data"),
        )
    assert result.returncode == 1
    assert result.stderr == (
        f"graph-api: port {taken} on 127.0.0.1 is already taken; choose another with "
        "--bolt-port or GRAPH_API_BOLT_PORT, or 0 for a free one\n"
    )
    assert not (tmp_path / "data" / STATE_FILE).exists()


def test_serve_on_a_taken_http_port_fails_before_starting_the_store(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        result = graph_api("serve", "--port", str(taken), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert result.stderr == (
        f"graph-api: cannot listen on 127.0.0.1:{taken} (Address already in use); choose "
        "another with --port or GRAPH_API_PORT, or 0 for a free one\n"
    )
    assert not (tmp_path / "data").exists()  # the store was never started


def test_unreachable_neo4j_uri_is_one_line() -> None:
    dead = free_port()
    result = graph_api("migrate", env=clean_env(NEO4J_URI=f"bolt://127.0.0.1:{dead}"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        f"graph-api: cannot use the graph store: Couldn't connect to 127.0.0.1:{dead}"
    )
    assert lines[0].endswith(
        "Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use the "
        "embedded store"
    )


def test_store_that_fails_to_start_is_one_line_pointing_at_its_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = graph_api(
        "migrate", "--data-dir", str(data_dir), env=clean_env(GRAPH_API_STORE_HEAP="lots")
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"graph-api: the store process exited with code 1; see {data_dir / 'server.log'}\n"
    )
    assert "Invalid maximum heap size: -Xmxlots" in (data_dir / "server.log").read_text()
    assert not (data_dir / STATE_FILE).exists()


@pytest.mark.parametrize("command", ["serve", "migrate", "token"])
def test_unusable_data_dir_is_one_line(tmp_path: Path, command: str) -> None:
    """A --data-dir that is a file, or that cannot be created, is named in one line."""
    a_file = tmp_path / "not-a-dir"
    a_file.write_text("x")
    extra = {"serve": ["--port", "0"], "token": ["--role", "admin"]}.get(command, [])
    result = graph_api(command, *extra, "--data-dir", str(a_file))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"graph-api: the data directory {a_file} is not a directory; choose another with "
        "--data-dir or GRAPH_API_DATA_DIR\n"
    )
    below = a_file / "data"
    result = graph_api(command, *extra, "--data-dir", str(below))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"graph-api: cannot create the data directory {below} (Not a directory); choose "
        "another with --data-dir or GRAPH_API_DATA_DIR\n"
    )


def test_bench_under_an_unusable_data_dir_is_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-dir"
    a_file.write_text("x")
    result = graph_api("bench", "--sizes", "0.01", "--data-dir", str(a_file))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"graph-api: cannot create the data directory {a_file}/bench/"), line


def test_bad_configuration_is_one_line() -> None:
    result = graph_api("migrate", env=clean_env(GRAPH_API_BOLT_PORT="seven"))
    assert result.returncode == 1
    assert result.stderr == "graph-api: GRAPH_API_BOLT_PORT must be a whole number, got 'seven'\n"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "GRAPH_API_ROLE_WEIGHTS",
            "sourced=lots",
            "GRAPH_API_ROLE_WEIGHTS entry 'sourced=lots' is not role=weight (weight >= 0)",
        ),
        (
            "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS",
            "-3",
            "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS must be a positive number, got '-3'",
        ),
    ],
)
def test_serve_refuses_malformed_credit_settings_before_starting(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    data_dir = tmp_path / "data"
    result = graph_api(
        "serve", "--port", "0", "--data-dir", str(data_dir), env=clean_env(**{name: value})
    )
    assert result.returncode == 1
    assert result.stderr == f"graph-api: {message}\n"
    assert not (data_dir / STATE_FILE).exists()  # the store was never started


# -- serve end to end ------------------------------------------------------------------


def test_serve_migrates_seeds_serves_and_stops_cleanly(
    processes: Processes, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"

    # Cold start: store, migrations, demo data, then the ready line.
    served = start_serve(processes, data_dir, tmp_path)
    state = served.state()
    bolt = state["bolt_port"]
    assert state["owner_pid"] == served.process.pid
    assert pid_alive(state["store_pid"])
    migrations = ", ".join(m.id for m in discover())
    assert served.lines[0] == f"migrations applied: {migrations}"
    assert served.lines[1].startswith("demo data loaded: ")
    assert served.lines[2:] == [
        f"GraphQL: http://127.0.0.1:{served.http_port}/graphql (GraphiQL IDE in a browser)",
        f"Bolt: bolt://127.0.0.1:{bolt}  user: root  database: neo4j",
        f"  password file: {data_dir / PASSWORD_FILE}",
        f'  cypher-shell -a bolt://127.0.0.1:{bolt} -u root -p "$(cat {data_dir / PASSWORD_FILE})"',
        f"ready: http://127.0.0.1:{served.http_port} (Ctrl-C stops the API and the store)",
    ]
    ready = httpx.get(f"{served.url}/ready", timeout=30)
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
    assert partner_count(served) == DEMO_PARTNERS
    bolt_query(served, "CREATE (:CliProbe {id: 'kept'})")
    # The printed hint for more tokens, run as printed (from elsewhere), mints one it accepts.
    hint = served.token_lines()[-1]
    assert hint.startswith("  more: graph-api token "), hint
    minted = graph_api(
        *shlex.split(
            hint.removeprefix("  more: graph-api ").replace("partner-id ID", "partner-id p")
        )
    )
    assert minted.returncode == 0, minted.stderr
    assert accepted(served, minted.stdout.strip())

    # Other commands attach to the running store instead of starting another.
    migrate = graph_api("migrate", "--data-dir", str(data_dir))
    assert (migrate.returncode, migrate.stdout, migrate.stderr) == (
        0,
        "applied 0 migration(s)\n",
        "",
    )
    assert served.state() == state
    assert pid_alive(state["store_pid"])

    # A second serve on the same directory is refused in one line.
    second = graph_api("serve", "--port", str(free_port()), "--data-dir", str(data_dir))
    assert second.returncode == 1
    assert second.stderr == (
        f"graph-api: the store in {data_dir} is already in use by process "
        f"{served.process.pid} (Bolt on port {bolt}); stop it first or use another --data-dir\n"
    )
    # Also on the same HTTP port (both on the default one): the owner is what it names.
    same_port = graph_api("serve", "--port", str(served.http_port), "--data-dir", str(data_dir))
    assert (same_port.returncode, same_port.stderr) == (1, second.stderr)

    # The store JVM is SIGKILLed, twice: serve starts it again each time, on the same
    # port, data intact; /health says 503 while it is down and 200 once it is back.
    assert wait_health(served, 200) == {"status": "ok", "store": "running"}
    for nth in (1, 2):
        dead = served.state()["store_pid"]
        os.kill(dead, signal.SIGKILL)
        assert wait_dead(dead)
        down = wait_health(served, 503)
        assert down["status"] == "unavailable" and down["store"] in {"down", "restarting"}, down
        new_pid = wait_for_restart(served, nth=nth)
        processes.pids.add(new_pid)
        assert new_pid != dead
        after = served.state()
        assert (after["store_pid"], after["bolt_port"], after["owner_pid"]) == (
            new_pid,
            bolt,
            served.process.pid,
        )
        assert wait_health(served, 200) == {"status": "ok", "store": "running"}
        assert wait_ready(served)
        assert bolt_query(served, "MATCH (p:CliProbe) RETURN p.id AS id") == [{"id": "kept"}]
        assert partner_count(served) == DEMO_PARTNERS

    # Ctrl-C stops the API and the store.
    assert stop_with(served, signal.SIGINT) == 130

    # Warm start keeps the data, does not migrate or seed again; SIGTERM stops it all.
    served = start_serve(processes, data_dir, tmp_path)
    assert served.lines[0] == "migrations: up to date"
    assert not any(line.startswith("demo data loaded") for line in served.lines)
    assert partner_count(served) == DEMO_PARTNERS
    assert bolt_query(served, "MATCH (p:CliProbe) RETURN p.id AS id") == [{"id": "kept"}]
    assert stop_with(served, signal.SIGTERM) == 130


def test_serve_with_neo4j_uri_uses_that_server_and_starts_no_store(
    processes: Processes, tmp_path: Path, migrated: Connection
) -> None:
    """The container path: NEO4J_URI set, so no embedded store, migrations, no demo data."""
    env = clean_env(
        NEO4J_URI=migrated.uri,
        NEO4J_USER=migrated.user,
        NEO4J_PASSWORD=migrated.password,
        NEO4J_DATABASE=migrated.database,
    )
    data_dir = tmp_path / "unused"
    served = start_serve(processes, data_dir, tmp_path, env=env)
    assert served.lines == [
        "migrations: up to date",
        f"GraphQL: http://127.0.0.1:{served.http_port}/graphql (GraphiQL IDE in a browser)",
        f"Graph store: {migrated.uri}  user: {migrated.user}  database: {migrated.database}",
        f"ready: http://127.0.0.1:{served.http_port} (Ctrl-C stops the API)",
    ]
    ready = httpx.get(f"{served.url}/ready", timeout=30)
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
    # This run signs with a secret of its own: the printed tokens work, and the hint
    # does not promise that `graph-api token` mints more (its tokens would be refused).
    tokens = served.token_lines()
    admin, hint = tokens[1], tokens[-1]
    assert admin.startswith("  admin: ")
    assert accepted(served, admin.rsplit(" ", 1)[1])
    assert hint == (
        "  more: none; this run signs with a secret of its own. To mint tokens, set "
        "GRAPH_API_JWT_SECRET for both `graph-api serve` and `graph-api token`"
    )
    os.killpg(served.process.pid, signal.SIGTERM)
    assert served.process.wait(timeout=60) == 130

    # With a configured secret, the hint's command mints tokens that server accepts.
    secret = "a-configured-secret-that-is-long-enough-for-hs256"
    env["GRAPH_API_JWT_SECRET"] = secret
    served = start_serve(processes, data_dir, tmp_path, env=env)
    hint = served.token_lines()[-1]
    assert hint == (
        "  more: graph-api token --role partner --partner-id ID  (with the same "
        "GRAPH_API_JWT_SECRET)"
    )
    minted = graph_api("token", "--role", "admin", env=env)
    assert minted.returncode == 0, minted.stderr
    assert accepted(served, minted.stdout.strip())
    os.killpg(served.process.pid, signal.SIGTERM)
    assert served.process.wait(timeout=60) == 130
    assert not data_dir.exists()


def test_defaults_and_flags_for_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith(("NEO4J_", "GRAPH_API_")):
            monkeypatch.delenv(key)
    parser = build_parser()
    settings = settings_from(parser.parse_args(["serve"]))
    assert (settings.data_dir, settings.bolt_port, settings.embedded) == (
        Path(".graph-data"),
        0,
        True,
    )
    assert (settings.host, settings.port, settings.seed_demo) == ("127.0.0.1", 8000, True)
    monkeypatch.setenv("GRAPH_API_DATA_DIR", "/srv/graph")
    monkeypatch.setenv("GRAPH_API_BOLT_PORT", "7687")
    assert settings_from(parser.parse_args(["serve"])).data_dir == Path("/srv/graph")
    flagged = settings_from(parser.parse_args(["migrate", "--data-dir", "x", "--bolt-port", "9"]))
    assert (flagged.data_dir, flagged.bolt_port) == (Path("x"), 9)
    # Against a real server, demo data is opt-in.
    monkeypatch.setenv("NEO4J_URI", "bolt://neo4j:7687")
    assert settings_from(parser.parse_args(["serve"])).seed_demo is False
    monkeypatch.setenv("GRAPH_API_SEED_DEMO", "true")
    assert settings_from(parser.parse_args(["serve"])).seed_demo is True


def test_serve_workers_answers_from_several_processes_and_stops_them_all(
    processes: Processes, tmp_path: Path
) -> None:
    served = start_serve(
        processes, tmp_path / "data", tmp_path, extra=("--workers", "2", "--no-seed")
    )
    supervisor = served.process.pid
    assert served.state()["owner_pid"] == supervisor  # the store belongs to the supervisor
    assert any("graph broker" in line for line in served.lines)

    # Fresh connections land on either worker; both answer, neither is the supervisor.
    pids: set[int] = set()
    deadline = time.monotonic() + 30
    while len(pids) < 2 and time.monotonic() < deadline:
        with httpx.Client(timeout=30) as client:  # a new connection each round
            health = client.get(f"{served.url}/health")
        assert (health.status_code, health.json()) == (200, {"status": "ok"})
        pids.add(int(health.headers[WORKER_PID_HEADER]))
    assert len(pids) == 2 and supervisor not in pids
    assert partner_count(served) == 0  # GraphQL is served too (no demo data with --no-seed)

    assert stop_with(served, signal.SIGTERM) == 130
    assert all(wait_dead(pid) for pid in pids)
