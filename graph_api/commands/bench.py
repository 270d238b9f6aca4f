"""``graph-api bench``: the command line of the benchmark suites in graph_api/bench/.

``--suite intel`` (the default) times every relationship-intelligence field end
to end (graph_api/bench/intel.py); ``--suite entity`` the entity-API shapes and
concurrency (graph_api/bench/suite.py). Both run size after size over the
synthetic datasets of graph_api/bench/datasets.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from graph_api.bench.datasets import sizes_from
from graph_api.bench.intel import run_intel
from graph_api.bench.suite import run_entity
from graph_api.commands.options import add_store_options, settings_from
from graph_api.runtime import fail


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
        return run_entity(args, sizes, base)
    return run_intel(args, sizes, base)
