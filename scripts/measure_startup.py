"""Measure `graph-api serve`: time to /ready, and the store JVM's resident memory.

    .venv/bin/python scripts/measure_startup.py [--runs 3] [--queries 500] [--no-seed]

Cold runs start on a fresh data directory (store start, migrations, demo data
unless --no-seed); warm runs restart on the directory the last cold run left.
Memory is VmRSS of the store process, read from /proc, right after /ready
first answers 200 and again after a GraphQL query load. Not a test: it prints
figures, it asserts nothing about them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph_api.auth import dev_secret, mint
from graph_api.embedded import STATE_FILE, free_port

REPO = Path(__file__).resolve().parent.parent
LOAD_QUERIES = [
    "{ partners(first: 100) { totalCount edges { node { id name kind tier region } } } }",
    "{ partners(first: 20) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }",
]


@dataclass
class Run:
    seconds: float
    rss_start_kib: int
    rss_after_load_kib: int | None
    serve_rss_kib: int


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def one_run(data_dir: Path, seed: bool, queries: int) -> Run:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GRAPH_API_"))}
    command = [sys.executable, "-m", "graph_api", "serve", "--port", str(port)]
    command += ["--data-dir", str(data_dir)] + ([] if seed else ["--no-seed"])
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    store_pid: int | None = None
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"serve exited with code {process.returncode}")
            try:
                if httpx.get(f"{url}/ready", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        seconds = time.monotonic() - started
        store_pid = int(json.loads((data_dir / STATE_FILE).read_text())["store_pid"])
        rss_start = rss_kib(store_pid)
        rss_after: int | None = None
        if queries:
            # serve signs with the development secret it keeps in the data directory.
            admin = mint(dev_secret(data_dir), "admin", "measure-startup", ttl=3600)
            headers = {"Authorization": f"Bearer {admin}"}
            with httpx.Client(base_url=url, timeout=60, headers=headers) as client:
                for i in range(queries):
                    response = client.post(
                        "/graphql", json={"query": LOAD_QUERIES[i % len(LOAD_QUERIES)]}
                    )
                    response.raise_for_status()
            rss_after = rss_kib(store_pid)
        serve_rss = rss_kib(process.pid)
        return Run(seconds, rss_start, rss_after, serve_rss)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if store_pid is not None:
            deadline = time.monotonic() + 30
            while alive(store_pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if alive(store_pid):
                os.kill(store_pid, signal.SIGKILL)
                print(f"warning: store {store_pid} outlived serve; killed", file=sys.stderr)


def report(label: str, runs: list[Run]) -> None:
    times = [r.seconds for r in runs]
    print(
        f"{label}: serve -> /ready 200 in "
        + ", ".join(f"{t:.2f}s" for t in times)
        + f" (median {statistics.median(times):.2f}s)"
    )
    for r in runs:
        after = "-" if r.rss_after_load_kib is None else f"{r.rss_after_load_kib / 1024:.0f} MiB"
        print(
            f"  store VmRSS at ready {r.rss_start_kib / 1024:.0f} MiB, after load {after}; "
            f"serve process VmRSS {r.serve_rss_kib / 1024:.0f} MiB"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind (default 3)")
    parser.add_argument(
        "--queries", type=int, default=500, help="GraphQL requests in the load (default 500)"
    )
    parser.add_argument("--no-seed", action="store_true", help="cold runs skip the demo data")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="graph-api-measure-"))
    try:
        cold = [
            one_run(root / f"cold-{i}", not args.no_seed, args.queries) for i in range(args.runs)
        ]
        warm_dir = root / f"cold-{args.runs - 1}"
        warm = [one_run(warm_dir, not args.no_seed, args.queries) for _ in range(args.runs)]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"graph-api serve, {args.queries} GraphQL requests of load per run")
    report(
        "cold (fresh data dir: store start, migrations" + (")" if args.no_seed else ", demo data)"),
        cold,
    )
    report("warm (existing data dir)", warm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
