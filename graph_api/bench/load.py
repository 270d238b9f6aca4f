"""The concurrency section: many clients at once, reads only and a 70/30 read/write mix.

Each client holds one keep-alive connection and sends its share of the
requests back to back. Reads rotate over the point-read shapes (LOOKUPS);
writes upsert one of a few bench contacts, so the
dataset does not grow from run to run. The target is the app served in a
thread of this process (``--workers 0``) or ``graph-api serve --workers N``
started over the same store (then the clients run in another process than
the server, and several workers can use both cores).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph_api.bench.client import HttpClient, percentile
from graph_api.bench.entity import PartnerHeaders, headers_for
from graph_api.bench.shapes import LOOKUPS, shapes
from graph_api.config import Settings
from graph_api.embedded import Connection

WRITE_SHARE = 0.3
WRITE_IDS = 20  # contacts the writes cycle over
WRITE = """mutation ($input: ContactInput!) {
  upsertContact(input: $input) { __typename } }"""
SERVE_START_TIMEOUT = 60.0


@dataclass
class LoadResult:
    size: str
    server: str
    mix: str
    clients: int
    requests: int
    req_per_s: float
    p50_ms: float
    p99_ms: float
    read_errors: int
    write_errors: int


@dataclass
class _Op:
    payload: dict[str, Any]
    headers: dict[str, str]
    write: bool


def operations(
    samples: dict[str, Any],
    count: int,
    write_share: float,
    seed: int,
    admin: dict[str, str],
    partner: PartnerHeaders,
) -> list[_Op]:
    rng = random.Random(f"{seed}-load-{write_share}")
    chosen = [s for s in shapes(samples) if s.name in LOOKUPS]
    customer = (samples["customers"] or [None])[0]
    ops = []
    for n in range(count):
        if rng.random() < write_share:
            key = rng.randrange(WRITE_IDS)
            contact = {
                "id": f"bench-load-contact-{key}",
                "name": f"Bench load contact {key}",
                "title": f"write {seed}-{n}",
                "customerId": customer,
            }
            ops.append(_Op({"query": WRITE, "variables": {"input": contact}}, admin, True))
            continue
        shape = chosen[n % len(chosen)]
        call = shape.make(rng)
        payload = {"query": shape.query, "variables": call.variables}
        ops.append(_Op(payload, headers_for(call, admin, partner), False))
    return ops


def _failed(op: _Op, status: int, body: Any) -> bool:
    if status != 200 or not isinstance(body, dict) or body.get("errors"):
        return True
    if op.write:
        data = body.get("data") or {}
        return (data.get("upsertContact") or {}).get("__typename") != "ContactPayload"
    return body.get("data") is None


async def run_level(url: str, ops: list[_Op], clients: int) -> tuple[float, list[float], int, int]:
    """Send ``ops`` from ``clients`` connections at once: seconds, latencies, errors."""
    latencies: list[float] = []
    errors = {True: 0, False: 0}
    shares = [ops[i::clients] for i in range(clients)]

    async def client(mine: list[_Op]) -> None:
        async with HttpClient(url, {}) as http:
            for op in mine:
                started = time.perf_counter()
                try:
                    status, body = await http.post_json(op.payload, op.headers)
                except (OSError, TimeoutError, ValueError):
                    status, body = 0, None
                    await http.aclose()
                latencies.append((time.perf_counter() - started) * 1000)
                if _failed(op, status, body):
                    errors[op.write] += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(mine) for mine in shares if mine))
    return time.perf_counter() - started, latencies, errors[False], errors[True]


def run_load(
    label: str,
    server: str,
    url: str,
    samples: dict[str, Any],
    args: argparse.Namespace,
    admin: dict[str, str],
    partner: PartnerHeaders,
) -> list[LoadResult]:
    results = []
    for mix, share in (("read", 0.0), ("70/30", WRITE_SHARE)):
        for clients in args.client_counts:
            total = max(args.load_requests, clients)
            ops = operations(samples, total, share, args.seed, admin, partner)
            warm = operations(samples, clients, 0.0, args.seed + 1, admin, partner)
            asyncio.run(run_level(url, warm, clients))  # open connections, warm caches
            seconds, latencies, read_errors, write_errors = asyncio.run(
                run_level(url, ops, clients)
            )
            result = LoadResult(
                size=label,
                server=server,
                mix=mix,
                clients=clients,
                requests=len(latencies),
                req_per_s=round(len(latencies) / seconds, 1) if seconds else 0.0,
                p50_ms=round(statistics.median(latencies), 2),
                p99_ms=round(percentile(latencies, 0.99), 2),
                read_errors=read_errors,
                write_errors=write_errors,
            )
            print(load_row(result), flush=True)
            results.append(result)
    return results


@contextlib.contextmanager
def served(connection: Connection, settings: Settings, workers: int) -> Iterator[str]:
    """``graph-api serve --workers N`` over the bench's store; yields its GraphQL URL."""
    env = dict(os.environ)
    env.update(
        NEO4J_URI=connection.uri,
        NEO4J_USER=connection.user,
        NEO4J_PASSWORD=connection.password,
        NEO4J_DATABASE=connection.database,
        GRAPH_API_JWT_SECRET=settings.jwt_secret or "",
        GRAPH_API_SEED_DEMO="false",
        GRAPH_API_HOST="127.0.0.1",
    )
    command = [sys.executable, "-m", "graph_api", "serve", "--port", "0", "--no-seed"]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = _wait_ready(process)
        yield f"{url}/graphql"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _wait_ready(process: subprocess.Popen[str]) -> str:
    from graph_api.commands.serve import READY_PREFIX

    assert process.stdout is not None
    deadline = time.monotonic() + SERVE_START_TIMEOUT
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith(READY_PREFIX):
            return line[len(READY_PREFIX) :].split()[0]
    raise RuntimeError("graph-api serve did not become ready for the concurrency section")


LOAD_HEADER = (
    f"{'size':<20} {'server':<18} {'mix':<6} {'clients':>7} {'req/s':>8} {'p50':>8} "
    f"{'p99':>8} {'read err':>8} {'write err':>9}"
)


def load_row(r: LoadResult) -> str:
    return (
        f"{r.size:<20} {r.server:<18} {r.mix:<6} {r.clients:>7} {r.req_per_s:>8.1f} "
        f"{r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.read_errors:>8} {r.write_errors:>9}"
    )


def load_markdown(results: list[LoadResult]) -> str:
    lines = [
        "| size | server | mix | clients | req/s | p50 ms | p99 ms | read errors | write errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.size} | {r.server} | {r.mix} | {r.clients} | {r.req_per_s:.1f} | "
            f"{r.p50_ms:.2f} | {r.p99_ms:.2f} | {r.read_errors} | {r.write_errors} |"
        )
    return "\n".join(lines) + "\n"
