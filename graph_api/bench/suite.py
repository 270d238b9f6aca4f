"""``graph-api bench --suite entity``: the entity-API shapes and the concurrency section,
size after size, on the same datasets as the intelligence suite."""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
from dataclasses import asdict
from pathlib import Path

from graph_api.auth import with_serving_auth
from graph_api.bench.datasets import Size, dataset_samples, size_settings, sizes_from
from graph_api.bench.entity import (
    SHAPE_HEADER,
    AnswerMismatch,
    ShapeResult,
    run_shapes,
    serve_recording,
    shapes_markdown,
    tokens,
)
from graph_api.bench.importing import (
    IMPORT_HEADER,
    ImportResult,
    import_markdown,
    import_row,
    timed_load,
    write_file,
)
from graph_api.bench.load import LOAD_HEADER, LoadResult, load_markdown, run_load, served
from graph_api.config import Settings
from graph_api.embedded import Connection
from graph_api.migrations import migrate
from graph_api.runtime import fail, open_async_store, store_connection
from graph_api.synthetic.records import synthetic_records


def parse_counts(text: str, option: str, minimum: int) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise ValueError(f"{option} takes comma-separated whole numbers, got {text!r}") from exc
    if any(c < minimum for c in counts):
        raise ValueError(f"{option} values must be at least {minimum}, got {text!r}")
    return counts


def bench_entity_size(
    size: Size, args: argparse.Namespace, settings: Settings, connection: Connection
) -> tuple[list[ShapeResult], list[LoadResult]]:
    samples = dataset_samples(size, args, connection)
    admin, partner = tokens(settings)
    in_process = serve_recording(settings, connection)
    try:
        print(SHAPE_HEADER, flush=True)
        shapes = run_shapes(size.label, samples, args, in_process, connection, settings)
        load: list[LoadResult] = []
        if args.client_counts:
            print(LOAD_HEADER, flush=True)
        if args.client_counts and 0 in args.worker_counts:
            load += run_load(
                size.label, "in-process", in_process.url, samples, args, admin, partner
            )
    finally:
        in_process.stop()
    for workers in (w for w in args.worker_counts if w > 0 and args.client_counts):
        with served(connection, settings, workers) as url:
            name = f"serve --workers {workers}"
            load += run_load(size.label, name, url, samples, args, admin, partner)
    return shapes, load


def compare_import(args: argparse.Namespace, base: Settings) -> list[ImportResult]:
    """Each batch size, each path, into its own fresh embedded store (same settings)."""
    if args.import_size <= 0 or not args.import_batch_sizes:
        return []
    if not base.embedded:
        print("import comparison skipped: it loads into fresh embedded stores (unset NEO4J_URI)")
        return []
    size = sizes_from(argparse.Namespace(**{**vars(args), "sizes": str(args.import_size)}))[0]
    root = base.data_dir / "bench" / "import"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    path = root / "records.jsonl"
    count = write_file(
        path, synthetic_records(size.partners, args.seed, size.customers, size.deals)
    )
    print(f"import comparison: {count} records ({size.label}) from {path}", flush=True)
    print(IMPORT_HEADER, flush=True)
    results = []
    for batch in args.import_batch_sizes:
        for raw in (False, True):
            data_dir = root / f"{'raw' if raw else 'import'}-{batch}"
            settings = base.with_overrides(data_dir=data_dir)
            with store_connection(settings, reuse=False) as connection:
                result = asyncio.run(_load_fresh(connection, path, batch, raw))
            shutil.rmtree(data_dir, ignore_errors=True)
            print(import_row(result), flush=True)
            results.append(result)
    return results


async def _load_fresh(connection: Connection, path: Path, batch: int, raw: bool) -> ImportResult:
    async with open_async_store(connection) as store:
        await migrate(store)
        return await timed_load(store, path, batch, raw)


def run_entity(args: argparse.Namespace, sizes: list[Size], base: Settings) -> int:
    try:
        args.client_counts = parse_counts(args.clients, "--clients", 1)
        args.worker_counts = parse_counts(args.workers, "--workers", 0)
        args.import_batch_sizes = parse_counts(args.import_batches, "--import-batches", 1)
    except ValueError as exc:
        return fail(str(exc))
    shape_results: list[ShapeResult] = []
    load_results: list[LoadResult] = []
    for size in sizes:
        # with_serving_auth creates the data directory for the development secret it keeps there.
        settings = with_serving_auth(size_settings(base, size))
        with store_connection(settings, reuse=True) as connection:
            try:
                shapes, load = bench_entity_size(size, args, settings, connection)
            except AnswerMismatch as exc:
                return fail(f"answer check failed: {exc}")
            except RuntimeError as exc:
                return fail(str(exc))
        shape_results += shapes
        load_results += load
    import_results = compare_import(args, base)
    if args.out is not None:
        if args.out.suffix == ".json":
            report = {
                "shapes": [asdict(r) for r in shape_results],
                "concurrency": [asdict(r) for r in load_results],
                "import": [asdict(r) for r in import_results],
            }
            args.out.write_text(json.dumps(report, indent=2) + "\n")
        else:
            tables = [shapes_markdown(shape_results), load_markdown(load_results)]
            tables += [import_markdown(import_results)] if import_results else []
            args.out.write_text("\n".join(tables))
        print(f"results written to {args.out}")
    return 0
