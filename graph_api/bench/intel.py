"""``graph-api bench`` (``--suite intel``): the relationship-intelligence fields, timed
end to end.

For each dataset size it generates (or reuses) a synthetic ecosystem, serves
the app on a free loopback port in a thread, and sends every contract field
over HTTP against a spread of arguments. Then it sends the same named Cypher
with the same parameters straight through the driver. It reports p50 and p95
of both, their ratio at p50, and the Cypher round trips per request read from
``extensions.cypherRoundTrips``. Sizes run one after another so growth shows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

import neo4j

from graph_api.bench.client import HttpClient, percentile
from graph_api.bench.datasets import Size, dataset_samples, size_settings
from graph_api.bench.fields import Call, Field, fields
from graph_api.bench.serving import serve_in_thread
from graph_api.config import Settings
from graph_api.cypher import NamedQuery
from graph_api.embedded import Connection
from graph_api.runtime import fail, open_async_store, store_connection


@dataclass
class Result:
    size: str
    field: str
    http_p50_ms: float
    http_p95_ms: float
    driver_p50_ms: float
    driver_p95_ms: float
    ratio_p50: float
    round_trips: float
    errors: int = 0


def auth_headers(settings: Settings) -> dict[str, str]:
    """An admin token when the app verifies tokens with a shared secret."""
    secret = getattr(settings, "jwt_secret", None)
    if getattr(settings, "jwt_public_key", None) and not secret:
        raise RuntimeError("bench needs auth off or GRAPH_API_JWT_SECRET to mint a token")
    if not secret:
        return {}
    from graph_api.auth import mint

    return {"Authorization": f"Bearer {mint(secret, 'admin', 'bench')}"}


async def profile_lines(
    connection: Connection, query: NamedQuery, params: dict[str, Any]
) -> list[str]:
    """The plan lines of PROFILE that say how nodes are found (index or scan)."""
    driver = neo4j.AsyncGraphDatabase.driver(
        connection.uri, auth=(connection.user, connection.password)
    )
    try:
        async with driver.session(database=connection.database) as session:
            result = await session.run("PROFILE " + query.text, params)
            await result.consume()
            summary = await result.consume()
    finally:
        await driver.close()
    profile = summary.profile or {}
    text = str((profile.get("args") or {}).get("string-representation") or "")
    if text:
        return [
            line.strip()
            for line in text.splitlines()
            if "MATCH NODE" in line or "Scan" in line or "index" in line.lower()
        ]
    out: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        op = str(node.get("operatorType", ""))
        if "Scan" in op or "Seek" in op:
            out.append(f"{op} {node.get('args', {}).get('Details', '')}")
        for child in node.get("children", []):
            walk(child)

    walk(profile)
    return out


async def measure(
    spec: Field,
    args: argparse.Namespace,
    connection: Connection,
    url: str,
    headers: dict[str, str],
) -> tuple[Result, list[str]]:
    """Time one field: each call over HTTP and straight through the driver, interleaved.

    Alternating the two (and which goes first) exposes both to the same store
    state (caches, JIT), so their ratio compares like with like.
    """
    rng = random.Random(f"{args.seed}-{spec.name}")
    calls = [spec.make(rng) for _ in range(args.warmup + args.requests)]
    http_ms: list[float] = []
    driver_ms: list[float] = []
    trips: list[int] = []
    errors = 0
    async with HttpClient(url, headers) as client, open_async_store(connection) as store:

        async def over_http(call: Call) -> tuple[float, dict[str, Any], int]:
            started = time.perf_counter()
            status, body = await client.post_json(
                {"query": spec.query, "variables": call.variables}
            )
            elapsed = (time.perf_counter() - started) * 1000
            return elapsed, body, status

        async def direct(call: Call) -> float:
            started = time.perf_counter()
            await store.read(call.statement.query, **call.statement.params)
            return (time.perf_counter() - started) * 1000

        for i, call in enumerate(calls):
            if i % 2:
                driven = await direct(call)
                elapsed, body, status = await over_http(call)
            else:
                elapsed, body, status = await over_http(call)
                driven = await direct(call)
            if status != 200 or body.get("errors"):
                errors += 1
                if errors == 1:
                    print(f"  {spec.name}: {body.get('errors') or body}", file=sys.stderr)
            if i >= args.warmup:
                http_ms.append(elapsed)
                driver_ms.append(driven)
                trips.append(int((body.get("extensions") or {}).get("cypherRoundTrips", -1)))
    first = calls[0].statement
    lines = await profile_lines(connection, first.query, first.params) if args.profile else []
    http_p50 = statistics.median(http_ms)
    driver_p50 = statistics.median(driver_ms)
    result = Result(
        size="",
        field=spec.name,
        http_p50_ms=round(http_p50, 2),
        http_p95_ms=round(percentile(http_ms, 0.95), 2),
        driver_p50_ms=round(driver_p50, 2),
        driver_p95_ms=round(percentile(driver_ms, 0.95), 2),
        ratio_p50=round(http_p50 / driver_p50, 2) if driver_p50 else 0.0,
        round_trips=round(sum(trips) / len(trips), 2) if trips else 0.0,
        errors=errors,
    )
    return result, lines


def bench_size(
    size: Size, args: argparse.Namespace, settings: Settings, connection: Connection
) -> list[Result]:
    samples = dataset_samples(size, args, connection)
    chosen = fields(samples)
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        chosen = [f for f in chosen if f.name in wanted]
    served = serve_in_thread(settings, connection)
    results: list[Result] = []
    plans: dict[str, list[str]] = {}
    try:
        headers = auth_headers(settings)
        for spec in chosen:
            result, lines = asyncio.run(measure(spec, args, connection, served.url, headers))
            result.size = size.label
            if lines:
                plans[spec.name] = lines
            results.append(result)
            print(row(result), flush=True)
    finally:
        served.stop()
    for name, lines in plans.items():
        print(f"PROFILE {name} @ {size.label}:")
        for line in lines:
            print(f"    {line}")
    return results


HEADER = (
    f"{'size':<22} {'field':<26} {'http p50':>9} {'http p95':>9} {'drv p50':>9} "
    f"{'drv p95':>9} {'ratio':>6} {'trips':>6} {'err':>4}"
)


def row(r: Result) -> str:
    return (
        f"{r.size:<22} {r.field:<26} {r.http_p50_ms:>9.2f} {r.http_p95_ms:>9.2f} "
        f"{r.driver_p50_ms:>9.2f} {r.driver_p95_ms:>9.2f} {r.ratio_p50:>6.2f} "
        f"{r.round_trips:>6.2f} {r.errors:>4}"
    )


def markdown(results: list[Result]) -> str:
    lines = [
        "| size | field | HTTP p50 ms | HTTP p95 ms | driver p50 ms | driver p95 ms | "
        "ratio p50 | round trips |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.size} | {r.field} | {r.http_p50_ms:.2f} | {r.http_p95_ms:.2f} | "
            f"{r.driver_p50_ms:.2f} | {r.driver_p95_ms:.2f} | {r.ratio_p50:.2f} | "
            f"{r.round_trips:g} |"
        )
    return "\n".join(lines) + "\n"


def run_intel(args: argparse.Namespace, sizes: list[Size], base: Settings) -> int:
    print(HEADER, flush=True)
    results: list[Result] = []
    for size in sizes:
        settings = size_settings(base, size)  # the store start creates the data directory
        with store_connection(settings, reuse=True) as connection:
            try:
                results.extend(bench_size(size, args, settings, connection))
            except RuntimeError as exc:
                return fail(str(exc))
    if args.out is not None:
        if args.out.suffix == ".json":
            args.out.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
        else:
            args.out.write_text(markdown(results))
        print(f"results written to {args.out}")
    return 0
