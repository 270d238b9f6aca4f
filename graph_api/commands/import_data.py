"""``graph-api import FILE...``: load JSON Lines or CSV records into the graph."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.embedded import StoreError
from graph_api.exporting import CHANGE_TYPE
from graph_api.ingest import DEFAULT_BATCH_SIZE, RECORD_TYPES, ImportReport, import_records
from graph_api.ingest.files import (
    CSV,
    FORMATS,
    ImportFileError,
    Progress,
    count_lines,
    detect_format,
    read_csv,
    read_jsonl,
    type_from_name,
)
from graph_api.ingest.spec import canonical_type
from graph_api.migrations import migrate
from graph_api.runtime import fail, open_async_store, store_connection

EXIT_REJECTED = 2
SHOWN_ERRORS = 100
# Rows of several files share one import (so references may cross files);
# each file's line numbers live in their own block.
_BLOCK = 1_000_000_000


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="load JSON Lines or CSV records (partners, deals, ...) idempotently",
        description="Load records into the graph. JSON Lines: one record per line with a "
        "`type` field. CSV: one file per record type, the type taken from the file name "
        "(deals.csv, Deal.csv) or --type, headers naming the fields. Every row is validated; "
        "bad rows are reported as FILE:LINE with the reason and skipped, and rows that would "
        "change something on every run (no id, one record twice with other values) are "
        "refused, so importing a file again is a no-op. Exit code 0 when every row was "
        "accepted, 2 when some were rejected. See README 'Import format'.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files to load")
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="file format (default: from the suffix)"
    )
    parser.add_argument(
        "--type",
        dest="record_type",
        default=None,
        help=f"record type of CSV files whose name does not say it ({', '.join(RECORD_TYPES)})",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"rows per write transaction (default: {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument("--actor", default="import", help="who the change log names as the author")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def _plan(args: argparse.Namespace) -> list[tuple[Path, str, str | None]]:
    forced_type = None
    if args.record_type:
        forced_type = canonical_type(args.record_type)
        if forced_type is None:
            raise ImportFileError(f"--type {args.record_type!r} is not a record type")
    plan = []
    for path in args.files:
        if not path.is_file():
            raise ImportFileError(f"{path}: no such file")
        fmt = detect_format(path, args.format)
        record_type = (forced_type or type_from_name(path)) if fmt == CSV else None
        plan.append((path, fmt, record_type))
    return plan


def _rows(
    plan: list[tuple[Path, str, str | None]], bad: list[tuple[int, str]], archived: list[int]
) -> Iterator[tuple[int, dict[str, Any]]]:
    for index, (path, fmt, record_type) in enumerate(plan):
        offset = index * _BLOCK
        file_bad: list[tuple[int, str]] = []
        if fmt == CSV:
            assert record_type is not None
            rows: Iterator[tuple[int, dict[str, Any]]] = read_csv(path, record_type, file_bad)
        else:
            rows = read_jsonl(path, file_bad)
        for line, record in rows:
            if fmt != CSV and record.get("type") == CHANGE_TYPE:
                archived.append(offset + line)  # the change log of an export: archive-only
                continue
            yield offset + line, record
            bad.extend((offset + n, reason) for n, reason in file_bad)
            file_bad.clear()
        bad.extend((offset + n, reason) for n, reason in file_bad)


def _where(plan: list[tuple[Path, str, str | None]], line: int) -> str:
    return f"{plan[line // _BLOCK][0]}:{line % _BLOCK}"


def run(args: argparse.Namespace) -> int:
    try:
        plan = _plan(args)
    except ImportFileError as exc:
        return fail(str(exc))
    if args.batch_size < 1:
        return fail("--batch-size must be at least 1")
    total = sum(count_lines(path) - (1 if fmt == CSV else 0) for path, fmt, _ in plan)
    settings = settings_from(args)
    bad: list[tuple[int, str]] = []
    archived: list[int] = []
    progress = Progress("importing", total=max(total, 0))
    started = False
    try:
        with store_connection(settings) as connection:

            async def work() -> ImportReport:
                nonlocal started
                async with open_async_store(connection) as store:
                    await migrate(store)
                    started = True
                    return await import_records(
                        store,
                        _rows(plan, bad, archived),
                        args.actor,
                        args.batch_size,
                        progress,
                        where=lambda line: _where(plan, line),
                    )

            report = asyncio.run(work())
    except StoreError as exc:
        if not started:
            raise
        done = progress.done + len(bad)
        return fail(
            f"{exc}. The import stopped after {done} of {progress.total} rows; run it again "
            "to finish (rows already stored stay unchanged)"
        )
    progress(len(bad) + len(archived))
    progress.close()
    errors = sorted([(e.line, e.reason) for e in report.rejected] + bad)
    for line, reason in errors[:SHOWN_ERRORS]:
        print(f"{_where(plan, line)}: {reason}", file=sys.stderr)
    if len(errors) > SHOWN_ERRORS:
        print(f"... and {len(errors) - SHOWN_ERRORS} more rejected row(s)", file=sys.stderr)
    rejected = len(errors)
    rate = report.accepted / progress.elapsed if progress.elapsed > 0 else 0.0
    if archived:
        print(f"{len(archived)} change-log record(s) skipped (archive-only)")
    print(
        f"{report.accepted} row(s) accepted ({report.changed} changed, {report.unchanged} "
        f"unchanged), {rejected} rejected, in {progress.elapsed:.1f}s ({rate:,.0f} rows/s)"
    )
    return EXIT_REJECTED if rejected else 0
