"""``graph-api export --out FILE``: the whole graph as an import file (JSON Lines)."""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path
from typing import Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.exporting import write_export
from graph_api.ingest.files import Progress
from graph_api.runtime import fail, open_async_store, store_connection


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="write the whole graph as a JSON Lines file that `graph-api import` reads",
        description="Write every entity and relationship (with all their properties, the "
        "programs' commission terms included) as records of the import format, referenced "
        "records first. `graph-api import FILE` into an empty store restores the graph; "
        "createdAt/updatedAt are stamped anew there. This also moves a graph between "
        "stores (embedded -> file -> Neo4j). See README 'Export, backup and restore'.",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write")
    parser.add_argument(
        "--with-changes",
        action="store_true",
        help="also write the change log as `Change` records (archive-only: import skips them)",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and not out.is_file():
        return fail(f"{out} exists and is not a file")
    if not out.parent.is_dir():
        return fail(f"{out.parent} is not a directory")
    settings = settings_from(args)
    progress = Progress("exporting")
    # Written next to the target and renamed when complete, so a failed export
    # never leaves a truncated file that an import would take for the whole graph.
    partial = out.with_name(f".{out.name}.partial")
    try:
        with (
            store_connection(settings) as connection,
            partial.open("w", encoding="utf-8") as handle,
        ):

            async def work() -> int:
                async with open_async_store(connection) as store:
                    return await write_export(store, handle, args.with_changes, progress)

            written = asyncio.run(work())
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    progress.close()
    print(f"{written} record(s) written to {out} in {progress.elapsed:.1f}s")
    return 0
