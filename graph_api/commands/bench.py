"""``graph-api bench``: the relationship-intelligence fields, timed end to end.

For each dataset size it generates (or reuses) a synthetic ecosystem, serves
the app on a free loopback port in a thread, and sends every contract field
over HTTP against a spread of arguments. Then it sends the same named Cypher
with the same parameters straight through the driver. It reports p50 and p95
of both, their ratio at p50, and the Cypher round trips per request read from
``extensions.cypherRoundTrips``. Sizes run one after another so growth shows.

The embedded store keeps one data directory per size under --data-dir, so
--reuse skips generation when that size was loaded before. With NEO4J_URI set,
the configured graph is used: it must be empty or hold a bench dataset of the
requested size, and only one size can run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httptools
import neo4j
import uvicorn

from graph_api.app import create_app
from graph_api.commands.options import add_store_options, settings_from
from graph_api.config import Settings
from graph_api.cypher import NamedQuery, named
from graph_api.embedded import Connection, free_port
from graph_api.intelligence import (
    cosell,
    credit,
    dashboards,
    earnings,
    health,
    overlap,
    paths,
    registrations,
    views,
)
from graph_api.intelligence.common import days
from graph_api.intelligence.types import AttributionModel
from graph_api.migrations import migrate
from graph_api.runtime import fail, open_async_store, store_connection
from graph_api.store import Store

SAMPLES = named("queries/intel_bench_samples")
DATASET = named("queries/intel_bench_dataset")
MARK = named("queries/intel_bench_mark")
BENCH_ACTOR = "bench"
SAMPLE_LIMIT = 200
PERIOD_DAYS = 91


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "bench",
        help="time every relationship-intelligence field (or, with --suite entity, the "
        "entity-API shapes) over HTTP and straight through the driver, at several sizes",
        description="Generate (or reuse) a synthetic dataset per size, serve the app on a free "
        "loopback port, send each intelligence field over HTTP against a spread of arguments, "
        "then the same named Cypher through the driver; print p50/p95, the endpoint/driver "
        "ratio and Cypher round trips per request.",
    )
    parser.add_argument("--partners", type=int, default=1000, help="partners at size 1 (1000)")
    parser.add_argument("--customers", type=int, default=20000, help="customers at size 1 (20000)")
    parser.add_argument("--deals", type=int, default=50000, help="deals at size 1 (50000)")
    parser.add_argument(
        "--sizes",
        default="0.1,0.3,1",
        help="comma-separated factors of the size above, run in order (default 0.1,0.3,1)",
    )
    parser.add_argument(
        "--requests", type=int, default=30, help="timed requests per field and path (default 30)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first (3)")
    parser.add_argument("--seed", type=int, default=1, help="generator and argument seed (1)")
    parser.add_argument(
        "--reuse", action="store_true", help="skip generation when this size is already loaded"
    )
    parser.add_argument(
        "--only", default=None, help="comma-separated field names to run (default: all)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print each query's PROFILE plan lines (index use and scans)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="also write the results: .json, else markdown"
    )
    parser.add_argument("--batch-size", type=int, default=500, help="import batch size (500)")
    parser.add_argument(
        "--suite",
        choices=("intel", "entity"),
        default="intel",
        help="intel: the relationship-intelligence fields (default); entity: the entity-API "
        "shapes against our statements and a single reference statement, then concurrency",
    )
    parser.add_argument(
        "--clients",
        default="1,8,32",
        help="entity suite: concurrent clients of the concurrency section (1,8,32; empty: skip)",
    )
    parser.add_argument(
        "--load-requests",
        type=int,
        default=300,
        help="entity suite: requests per concurrency level and mix (300)",
    )
    parser.add_argument(
        "--workers",
        default="1,2",
        help="entity suite: concurrency against `serve --workers N` for each N (0: the app "
        "in this process); default 1,2",
    )
    parser.add_argument(
        "--import-size",
        type=float,
        default=0.1,
        help="entity suite: dataset factor for the import comparison, loaded into fresh "
        "embedded stores (0.1; 0 skips it)",
    )
    parser.add_argument(
        "--import-batches",
        default="500,5000",
        help="entity suite: batch sizes of the import comparison (500,5000)",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


@dataclass
class Size:
    partners: int
    customers: int
    deals: int

    @property
    def label(self) -> str:
        return f"{self.partners}p/{self.customers}c/{self.deals}d"


@dataclass
class Call:
    variables: dict[str, Any]
    params: dict[str, Any]


@dataclass
class Field:
    name: str
    query: str
    cypher: NamedQuery
    make: Callable[[random.Random], Call]


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


def sizes_from(args: argparse.Namespace) -> list[Size]:
    out = []
    for part in str(args.sizes).split(","):
        factor = float(part)
        if factor <= 0:
            raise ValueError(f"size factor {part!r} must be positive")
        out.append(
            Size(
                partners=max(2, round(args.partners * factor)),
                customers=max(2, round(args.customers * factor)),
                deals=max(2, round(args.deals * factor)),
            )
        )
    return out


def fields(samples: dict[str, Any]) -> list[Field]:
    """Every contract field with its GraphQL text, named query and argument maker."""
    partners: list[str] = samples["partners"] or ["none"]
    deal_ids: list[str] = samples["deals"] or ["none"]
    registered: list[str] = samples["registeredDeals"] or deal_ids
    customers: list[str] = samples["customers"] or ["none"]
    consents: list[list[str]] = samples["consents"] or [[partners[0], partners[-1]]]
    last = samples["lastClose"]
    last_day = last.to_native() if last is not None else dt.date.today()
    start = last_day - dt.timedelta(days=PERIOD_DAYS - 1)
    period = {"from": start.isoformat(), "to": last_day.isoformat()}
    models = [m.name for m in AttributionModel]
    prev_start = start - dt.timedelta(days=PERIOD_DAYS)

    def pick(rng: random.Random, items: list[Any]) -> Any:
        return items[rng.randrange(len(items))]

    def pairs(rng: random.Random) -> Call:
        return Call({}, {"scope": None, "minSharedDeals": 1, "first": 20})

    def partner_pairs(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call({"p": p}, {"partnerId": p, "scope": None, "minSharedDeals": 1, "first": 20})

    def recommend(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call({"p": p}, {"partnerId": p, "scope": None, "first": 10})

    def deal(rng: random.Random) -> Call:
        d = pick(rng, deal_ids)
        return Call({"d": d}, {"dealId": d, "scope": None})

    def deal_credit(rng: random.Random) -> Call:
        d = pick(rng, deal_ids)
        return Call({"d": d, "m": pick(rng, models)}, {"dealId": d, "scope": None})

    def comparison(rng: random.Random) -> Call:
        return Call(dict(period), {"scope": None, "days": days(start, last_day)})

    def partner_period(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call(
            {"p": p, **period}, {"partnerId": p, "scope": None, "from": start, "to": last_day}
        )

    def account_overlap(rng: random.Random) -> Call:
        p, q = pick(rng, consents)
        return Call({"p": p, "q": q}, {"partnerId": p, "otherPartnerId": q, "scope": None})

    def connect(rng: random.Random) -> Call:
        p, c = pick(rng, partners), pick(rng, customers)
        return Call({"a": p, "b": c}, {"fromId": p, "toId": c, "maxHops": 4, "scope": None})

    def conflicts(rng: random.Random) -> Call:
        d = pick(rng, registered)
        return Call({"d": d}, {"dealId": d, "scope": None})

    def eco(rng: random.Random) -> Call:
        return Call(
            dict(period),
            {
                "scope": None,
                "from": start,
                "to": last_day,
                "prevFrom": prev_start,
                "days": days(prev_start, last_day),
            },
        )

    def view(rng: random.Random) -> Call:
        p = pick(rng, partners)
        return Call(
            {"r": p},
            {
                "rootId": p,
                "depth": 2,
                "types": views.ALLOWED,
                "limit": 200,
                "cap": 201,
                "scope": None,
            },
        )

    return [
        Field(
            "coSellingPairs",
            "{ coSellingPairs(first: 20) { partner { id } otherPartner { id } score"
            " sharedCustomers partnerWinRate } }",
            cosell.COSELL_PAIRS,
            pairs,
        ),
        Field(
            "coSellingPairs(partnerId)",
            "query ($p: ID) { coSellingPairs(partnerId: $p) { otherPartner { id } score"
            " sharedCustomers otherPartnerWinRate } }",
            cosell.COSELL_PAIRS_FOR_PARTNER,
            partner_pairs,
        ),
        Field(
            "coSellRecommendations",
            "query ($p: ID!) { coSellRecommendations(partnerId: $p) { partner { id } score"
            " path { nodes { id } } } }",
            cosell.COSELL_RECOMMENDATIONS,
            recommend,
        ),
        Field(
            "attributionPaths",
            "query ($d: ID!) { attributionPaths(dealId: $d) { paths { kind nodes { id label }"
            " edges { source target type } } } }",
            paths.ATTRIBUTION_PATHS,
            deal,
        ),
        Field(
            "dealCredit",
            "query ($d: ID!, $m: AttributionModel!) { dealCredit(dealId: $d, model: $m) {"
            " amount lines { partnershipId amount } } }",
            credit.DEAL_CREDIT,
            deal_credit,
        ),
        Field(
            "attributionComparison",
            "query ($from: Date!, $to: Date!) { attributionComparison(from: $from, to: $to) {"
            " wonValue partners { partner { id } even declared timeDecay } } }",
            credit.ATTRIBUTION_COMPARISON,
            comparison,
        ),
        Field(
            "partnerEarnings",
            "query ($p: ID!, $from: Date!, $to: Date!) { partnerEarnings(partnerId: $p,"
            " from: $from, to: $to) { total partnerships { amount lines { amount } } } }",
            earnings.PARTNER_EARNINGS,
            partner_period,
        ),
        Field(
            "accountOverlap",
            "query ($p: ID!, $q: ID!) { accountOverlap(partnerId: $p, otherPartnerId: $q) {"
            " consent sharedAccounts accounts { customer { id } } } }",
            overlap.ACCOUNT_OVERLAP,
            account_overlap,
        ),
        Field(
            "connectionPath",
            "query ($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b) { length"
            " nodes { id } } }",
            paths.CONNECTION_PATH,
            connect,
        ),
        Field(
            "registrationConflicts",
            "query ($d: ID!) { registrationConflicts(dealId: $d) { conflicts { partnershipId"
            " matchedBy } } }",
            registrations.REGISTRATION_CONFLICTS,
            conflicts,
        ),
        Field(
            "partnerDashboard",
            "query ($p: ID!, $from: Date!, $to: Date!) { partnerDashboard(partnerId: $p,"
            " from: $from, to: $to) { wonValue winRate earnings peerBenchmark {"
            " wonValuePercentile } rollup { partners } } }",
            dashboards.PARTNER_DASHBOARD,
            partner_period,
        ),
        Field(
            "ecosystemHealth",
            "query ($from: Date!, $to: Date!) { ecosystemHealth(from: $from, to: $to) {"
            " overall { score } byRegion { score } coverageGaps { value } } }",
            health.ECOSYSTEM_HEALTH,
            eco,
        ),
        Field(
            "relationshipView",
            "query ($r: ID!) { relationshipView(rootId: $r) { truncated nodes { id } edges {"
            " source target } } }",
            views.RELATIONSHIP_VIEW,
            view,
        ),
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the bench keeps its own handlers
        pass


def serve_in_thread(
    settings: Settings, connection: Connection
) -> tuple[_Server, threading.Thread, str]:
    port = free_port()
    app = create_app(settings, connection)
    server = _Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the benchmark server did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}/graphql"


class HttpClient:
    """One keep-alive HTTP/1.1 connection for the timed requests.

    httpx spent about 2.5 ms of CPU per request here, more than the endpoint's
    own fixed cost, and this process also runs the server (one GIL): timing
    through it measured the client library. This writes each request whole and
    parses the answer with httptools, the parser uvicorn serves with.
    """

    def __init__(self, url: str, headers: dict[str, str], timeout: float = 300) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.timeout = timeout
        lines = [f"Host: {self.host}:{self.port}", "Content-Type: application/json"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        self.head = f"POST {parts.path or '/'} HTTP/1.1\r\n" + "".join(f"{x}\r\n" for x in lines)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post_json(
        self, payload: dict[str, Any], headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        body = json.dumps(payload).encode()
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        writer.write(f"{self.head}{extra}Content-Length: {len(body)}\r\n\r\n".encode() + body)
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        async with asyncio.timeout(self.timeout):
            while not answer.complete:
                data = await reader.read(65536)
                if not data:
                    raise ConnectionError("the server closed the connection")
                parser.feed_data(data)
        if not parser.should_keep_alive():
            await self.aclose()
        return parser.get_status_code(), json.loads(b"".join(answer.body))

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self.streams is not None:
            writer = self.streams[1]
            self.streams = None
            writer.close()
            await writer.wait_closed()


class _Answer:
    """httptools callbacks: collects one response body."""

    def __init__(self) -> None:
        self.body: list[bytes] = []
        self.complete = False

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.complete = True


def auth_headers(settings: Settings) -> dict[str, str]:
    """An admin token when the app verifies tokens with a shared secret."""
    secret = getattr(settings, "jwt_secret", None)
    if getattr(settings, "jwt_public_key", None) and not secret:
        raise RuntimeError("bench needs auth off or GRAPH_API_JWT_SECRET to mint a token")
    if not secret:
        return {}
    from graph_api.auth import mint

    return {"Authorization": f"Bearer {mint(secret, 'admin', 'bench')}"}


async def ensure_dataset(store: Store, size: Size, args: argparse.Namespace) -> str:
    """Load the dataset of ``size`` unless it is there; say what happened."""
    from graph_api.ingest import import_records
    from graph_api.seeding import synthetic_rows

    await migrate(store)
    row = await store.read_one(DATASET)
    current = row["dataset"] if row else None
    wanted = {
        "partners": size.partners,
        "customers": size.customers,
        "deals": size.deals,
        "seed": args.seed,
    }
    if current == wanted and args.reuse:
        return "reused"
    if row and row["partners"] and current != wanted:
        raise RuntimeError(
            f"the graph holds other data than a {size.label} bench dataset "
            "(use an empty database, or the embedded store's per-size directories)"
        )
    started = time.monotonic()
    done = 0
    last_print = started

    def progress(count: int) -> None:
        nonlocal done, last_print
        done += count
        now = time.monotonic()
        if now - last_print > 5:
            last_print = now
            rate = done / (now - started)
            print(f"  generated {done} records ({rate:.0f}/s)", flush=True)

    rows = synthetic_rows(size.partners, args.seed, size.customers, size.deals)
    report = await import_records(store, rows, BENCH_ACTOR, args.batch_size, progress)
    await store.write_query(MARK, **wanted)
    seconds = time.monotonic() - started
    return f"generated in {seconds:.0f} s ({getattr(report, 'written', done)} records)"


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
            await store.read(spec.cypher, **call.params)
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
    lines = await profile_lines(connection, spec.cypher, calls[0].params) if args.profile else []
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


def dataset_samples(size: Size, args: argparse.Namespace, connection: Connection) -> dict[str, Any]:
    """Load (or reuse) one size's dataset; its sample ids for the requests' arguments."""

    async def prepare() -> tuple[str, dict[str, Any]]:
        async with open_async_store(connection) as store:
            status = await ensure_dataset(store, size, args)
            samples = await store.read_one(SAMPLES, limit=SAMPLE_LIMIT)
            assert samples is not None
            return status, samples

    status, samples = asyncio.run(prepare())
    print(f"dataset {size.label}: {status}", flush=True)
    return samples


def size_settings(base: Settings, size: Size) -> Settings:
    """The settings a size runs with: an embedded store gets a data directory per size."""
    if not base.embedded:
        return base
    name = f"p{size.partners}-c{size.customers}-d{size.deals}"
    return base.with_overrides(data_dir=base.data_dir / "bench" / name)


def bench_size(
    size: Size, args: argparse.Namespace, settings: Settings, connection: Connection
) -> list[Result]:
    samples = dataset_samples(size, args, connection)
    chosen = fields(samples)
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        chosen = [f for f in chosen if f.name in wanted]
    server, thread, url = serve_in_thread(settings, connection)
    results: list[Result] = []
    plans: dict[str, list[str]] = {}
    try:
        headers = auth_headers(settings)
        for spec in chosen:
            result, lines = asyncio.run(measure(spec, args, connection, url, headers))
            result.size = size.label
            if lines:
                plans[spec.name] = lines
            results.append(result)
            print(row(result), flush=True)
    finally:
        server.should_exit = True
        thread.join(timeout=60)
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


def run(args: argparse.Namespace) -> int:
    try:
        sizes = sizes_from(args)
    except ValueError as exc:
        return fail(f"--sizes: {exc}")
    if args.requests < 1 or args.warmup < 0:
        return fail("--requests must be at least 1 and --warmup not negative")
    base = settings_from(args)
    if not base.embedded and len(sizes) > 1:
        return fail("with NEO4J_URI set, run one size per database (e.g. --sizes 1)")
    if args.suite == "entity":
        from graph_api.bench.suite import run_entity

        return run_entity(args, sizes, base)
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
