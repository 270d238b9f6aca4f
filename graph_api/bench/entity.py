"""The entity-API suite: each shape three ways, interleaved, at one dataset size.

1. **endpoint**: the GraphQL document over HTTP to the app, served in a thread
   of this process; the server thread's CPU time is read around each request.
2. **statements**: the very statements the endpoint sent for that request,
   recorded by the store layer (``Store.recordings``, keyed by the request id
   the bench sends) and replayed one after another through the driver.
3. **single**: the hand-written reference statement of ``cypher/bench/``,
   whose answer must equal the endpoint's (else :class:`AnswerMismatch`).

The order of the three rotates per request so that all see the same store
state. Then the concurrency section (graph_api.bench.load) runs on the same
dataset.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph_api.auth import mint
from graph_api.bench.client import HttpClient, percentile
from graph_api.bench.serving import InProcess, serve_in_thread
from graph_api.bench.shapes import AnswerMismatch, Call, Shape, check_same, shapes
from graph_api.config import Settings
from graph_api.embedded import Connection
from graph_api.runtime import open_async_store

REQUEST_ID_PREFIX = "bench-entity-"


@dataclass
class ShapeResult:
    size: str
    shape: str
    endpoint_p50_ms: float
    endpoint_p99_ms: float
    statements_p50_ms: float
    statements_p99_ms: float
    single_p50_ms: float
    single_p99_ms: float
    ratio_single: float  # endpoint p50 / single statement p50
    ratio_statements: float  # endpoint p50 / replayed statements p50
    round_trips: float  # Cypher statements per request (extensions.cypherRoundTrips)
    server_cpu_p50_ms: float  # the server thread's CPU time per request, p50
    checked: int  # answers compared equal with the reference statement's
    errors: int = 0


def serve_recording(settings: Settings, connection: Connection) -> InProcess:
    """The app in a thread, its store recording each request's statements."""
    served = serve_in_thread(settings, connection)
    served.store.recordings = {}
    return served


PartnerHeaders = Callable[[str], dict[str, str]]


def tokens(settings: Settings) -> tuple[dict[str, str], PartnerHeaders]:
    """The admin headers, and a maker of one partner's headers (its own token)."""
    secret = settings.jwt_secret
    if not secret:
        raise RuntimeError("the entity suite needs a JWT secret to mint partner tokens")
    admin = {"Authorization": f"Bearer {mint(secret, 'admin', 'bench')}"}
    cache: dict[str, dict[str, str]] = {}

    def partner(pid: str) -> dict[str, str]:
        if pid not in cache:
            token = mint(secret, "partner", f"partner:{pid}", pid)
            cache[pid] = {"Authorization": f"Bearer {token}"}
        return cache[pid]

    return admin, partner


def headers_for(call: Call, admin: dict[str, str], partner: PartnerHeaders) -> dict[str, str]:
    return dict(partner(call.partner)) if call.partner else dict(admin)


async def measure_shape(
    shape: Shape,
    args: argparse.Namespace,
    served: InProcess,
    connection: Connection,
    admin: dict[str, str],
    partner: PartnerHeaders,
) -> ShapeResult:
    rng = random.Random(f"{args.seed}-entity-{shape.name}")
    calls = [shape.make(rng) for _ in range(args.warmup + args.requests)]
    endpoint_ms: list[float] = []
    replay_ms: list[float] = []
    single_ms: list[float] = []
    cpu_ms: list[float] = []
    trips: list[int] = []
    errors = checked = 0
    recordings = served.store.recordings
    assert recordings is not None
    async with HttpClient(served.url, {}) as client, open_async_store(connection) as store:

        async def endpoint(i: int, call: Call) -> tuple[float, float, dict[str, Any], int]:
            rid = f"{REQUEST_ID_PREFIX}{shape.name}-{i}"
            headers = headers_for(call, admin, partner) | {"X-Request-Id": rid}
            payload = {"query": shape.query, "variables": call.variables}
            cpu = served.cpu_seconds()
            started = time.perf_counter()
            status, body = await client.post_json(payload, headers)
            elapsed = (time.perf_counter() - started) * 1000
            used = (served.cpu_seconds() - cpu) * 1000
            return elapsed, used, body, status

        async def replay(statements: list[Any]) -> float:
            started = time.perf_counter()
            for query, params in statements:
                await store.read(query, **params)
            return (time.perf_counter() - started) * 1000

        async def single(call: Call) -> tuple[float, dict[str, Any]]:
            started = time.perf_counter()
            row = await store.read_one(shape.reference, **call.params)
            return (time.perf_counter() - started) * 1000, row or {}

        for i, call in enumerate(calls):
            # The endpoint goes first, second or last in turn (its statements are
            # only known once it has run, so they always follow it).
            turn = i % 3
            single_first = turn == 1
            if single_first:
                s_ms, answer = await single(call)
            e_ms, c_ms, body, status = await endpoint(i, call)
            statements = recordings.pop(f"{REQUEST_ID_PREFIX}{shape.name}-{i}", [])
            if turn == 2:
                s_ms, answer = await single(call)
                r_ms = await replay(statements)
            else:
                r_ms = await replay(statements)
                if not single_first:
                    s_ms, answer = await single(call)
            if status != 200 or body.get("errors") or body.get("data") is None:
                errors += 1
                raise RuntimeError(f"{shape.name}: the endpoint failed: {body}")
            check_same(shape.name, body["data"], answer)
            checked += 1
            if i >= args.warmup:
                endpoint_ms.append(e_ms)
                replay_ms.append(r_ms)
                single_ms.append(s_ms)
                cpu_ms.append(c_ms)
                trips.append(int((body.get("extensions") or {}).get("cypherRoundTrips", -1)))
    e50, r50, s50 = (statistics.median(x) for x in (endpoint_ms, replay_ms, single_ms))
    return ShapeResult(
        size="",
        shape=shape.name,
        endpoint_p50_ms=round(e50, 2),
        endpoint_p99_ms=round(percentile(endpoint_ms, 0.99), 2),
        statements_p50_ms=round(r50, 2),
        statements_p99_ms=round(percentile(replay_ms, 0.99), 2),
        single_p50_ms=round(s50, 2),
        single_p99_ms=round(percentile(single_ms, 0.99), 2),
        ratio_single=round(e50 / s50, 2) if s50 else 0.0,
        ratio_statements=round(e50 / r50, 2) if r50 else 0.0,
        round_trips=round(sum(trips) / len(trips), 2) if trips else 0.0,
        server_cpu_p50_ms=round(statistics.median(cpu_ms), 2),
        checked=checked,
        errors=errors,
    )


def run_shapes(
    label: str,
    samples: dict[str, Any],
    args: argparse.Namespace,
    served: InProcess,
    connection: Connection,
    settings: Settings,
) -> list[ShapeResult]:
    admin, partner = tokens(settings)
    chosen = shapes(samples)
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        chosen = [s for s in chosen if s.name in wanted]
    results = []
    for shape in chosen:
        result = asyncio.run(measure_shape(shape, args, served, connection, admin, partner))
        result.size = label
        print(shape_row(result), flush=True)
        results.append(result)
    return results


SHAPE_HEADER = (
    f"{'size':<20} {'shape':<13} {'api p50':>8} {'api p99':>8} {'stmts p50':>9} "
    f"{'stmts p99':>9} {'one p50':>8} {'one p99':>8} {'api/one':>7} {'api/stm':>7} "
    f"{'trips':>5} {'cpu p50':>7} {'equal':>5}"
)


def shape_row(r: ShapeResult) -> str:
    return (
        f"{r.size:<20} {r.shape:<13} {r.endpoint_p50_ms:>8.2f} {r.endpoint_p99_ms:>8.2f} "
        f"{r.statements_p50_ms:>9.2f} {r.statements_p99_ms:>9.2f} {r.single_p50_ms:>8.2f} "
        f"{r.single_p99_ms:>8.2f} {r.ratio_single:>7.2f} {r.ratio_statements:>7.2f} "
        f"{r.round_trips:>5g} {r.server_cpu_p50_ms:>7.2f} {r.checked:>5}"
    )


def shapes_markdown(results: list[ShapeResult]) -> str:
    lines = [
        "| size | shape | endpoint p50 / p99 ms | our statements p50 / p99 ms | "
        "single statement p50 / p99 ms | endpoint ÷ single | endpoint ÷ statements | "
        "round trips | server CPU p50 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.size} | {r.shape} | {r.endpoint_p50_ms:.2f} / {r.endpoint_p99_ms:.2f} | "
            f"{r.statements_p50_ms:.2f} / {r.statements_p99_ms:.2f} | "
            f"{r.single_p50_ms:.2f} / {r.single_p99_ms:.2f} | {r.ratio_single:.2f} | "
            f"{r.ratio_statements:.2f} | {r.round_trips:g} | {r.server_cpu_p50_ms:.2f} |"
        )
    return "\n".join(lines) + "\n"


__all__ = ["AnswerMismatch", "InProcess", "ShapeResult", "run_shapes", "serve_recording"]
