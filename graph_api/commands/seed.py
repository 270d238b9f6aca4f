"""``graph-api seed``: load the demo dataset, or a synthetic one of any size."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterator
from typing import Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.ingest import DEFAULT_BATCH_SIZE, ImportReport, import_records
from graph_api.ingest.files import Progress, count_lines
from graph_api.migrations import migrate
from graph_api.runtime import fail, open_async_store, store_connection
from graph_api.seeding import DEMO_FILE, SEED_ACTOR, demo_rows, edited_records, load_demo
from graph_api.synthetic.records import synthetic_rows

SHOWN_EDITED = 5


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "seed",
        help="load the demo dataset, or a synthetic dataset with --scale",
        description="Without --scale, load the curated demo dataset (seed/demo.jsonl). With "
        "--scale N, generate a deterministic synthetic ecosystem of about N partners, 20*N "
        "customers and 50*N deals (same --seed, same data). Both are idempotent. Records of "
        "the dataset that users changed or deleted after they were loaded are not reverted: "
        "seed refuses, naming them, unless --force.",
    )
    parser.add_argument(
        "--scale", type=int, default=None, metavar="N", help="synthetic: number of partners"
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="synthetic: RNG seed")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"rows per write transaction (default: {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="seed even over records users changed since loading (reverts their edits)",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.scale is not None and args.scale < 1:
        return fail("--scale must be at least 1")
    if args.batch_size < 1:
        return fail("--batch-size must be at least 1")
    if args.scale is None and not DEMO_FILE.exists():
        return fail(f"the demo dataset is missing at {DEMO_FILE}; run seed/make_demo.py")
    settings = settings_from(args)
    total = count_lines(DEMO_FILE) if args.scale is None else None
    label = "seeding demo" if args.scale is None else f"seeding scale {args.scale}"
    progress = Progress(label, total=total)

    def dataset() -> Iterator[tuple[int, dict[str, Any]]]:
        return demo_rows() if args.scale is None else synthetic_rows(args.scale, args.seed)

    with store_connection(settings) as connection:

        async def work() -> ImportReport | list[dict[str, Any]]:
            async with open_async_store(connection) as store:
                await migrate(store)
                if not args.force:
                    edited = await edited_records(store, dataset())
                    if edited:
                        return edited
                if args.scale is None:
                    return await load_demo(store, progress)
                return await import_records(store, dataset(), SEED_ACTOR, args.batch_size, progress)

        report = asyncio.run(work())
    if isinstance(report, list):
        return _refuse(
            report,
            "the demo dataset" if args.scale is None else f"the --scale {args.scale} dataset",
        )
    progress.close()
    for error in report.rejected[:20]:
        print(f"row {error.line}: {error.reason}")
    elapsed = progress.elapsed
    rate = report.accepted / elapsed if elapsed > 0 else 0.0
    print(f"{report.summary()}; {elapsed:.1f}s, {rate:,.0f} records/s")
    return 2 if report.rejected else 0


def _refuse(edited: list[dict[str, Any]], dataset: str) -> int:
    shown = ", ".join(f"{e['type']} {e['id']}" for e in edited[:SHOWN_EDITED])
    more = f" and {len(edited) - SHOWN_EDITED} more" if len(edited) > SHOWN_EDITED else ""
    return fail(
        f"not seeding: {len(edited)} record(s) of {dataset} were changed since they were "
        f"loaded ({shown}{more}); seeding would overwrite them. Nothing was written. Add "
        "--force to overwrite them anyway"
    )
