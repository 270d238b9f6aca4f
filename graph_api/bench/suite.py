"""``graph-api bench --suite entity``: the entity-API shapes and the concurrency section,
size after size, on the same datasets as the intelligence suite."""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import asdict
from typing import Any

from graph_api.auth import with_serving_auth
from graph_api.bench.entity import (
    SHAPE_HEADER,
    AnswerMismatch,
    ShapeResult,
    run_shapes,
    serve_recording,
    shapes_markdown,
    tokens,
)
from graph_api.bench.load import LOAD_HEADER, LoadResult, load_markdown, run_load, served
from graph_api.commands.bench import SAMPLE_LIMIT, SAMPLES, Size, ensure_dataset
from graph_api.config import Settings
from graph_api.embedded import Connection
from graph_api.runtime import fail, open_async_store, store_connection


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
    async def prepare() -> tuple[str, dict[str, Any]]:
        async with open_async_store(connection) as store:
            status = await ensure_dataset(store, size, args)
            samples = await store.read_one(SAMPLES, limit=SAMPLE_LIMIT)
            assert samples is not None
            return status, samples

    status, samples = asyncio.run(prepare())
    print(f"dataset {size.label}: {status}", flush=True)
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


def run_entity(args: argparse.Namespace, sizes: list[Size], base: Settings) -> int:
    try:
        args.client_counts = parse_counts(args.clients, "--clients", 1)
        args.worker_counts = parse_counts(args.workers, "--workers", 0)
    except ValueError as exc:
        return fail(str(exc))
    shape_results: list[ShapeResult] = []
    load_results: list[LoadResult] = []
    for size in sizes:
        if base.embedded:
            data_dir = base.data_dir / "bench" / f"p{size.partners}-c{size.customers}-d{size.deals}"
            data_dir.mkdir(parents=True, exist_ok=True)
            settings = base.with_overrides(data_dir=data_dir)
        else:
            settings = base
        settings = with_serving_auth(settings)
        with store_connection(settings, reuse=True) as connection:
            try:
                shapes, load = bench_entity_size(size, args, settings, connection)
            except AnswerMismatch as exc:
                return fail(f"answer check failed: {exc}")
            except RuntimeError as exc:
                return fail(str(exc))
        shape_results += shapes
        load_results += load
    if args.out is not None:
        if args.out.suffix == ".json":
            report = {
                "shapes": [asdict(r) for r in shape_results],
                "concurrency": [asdict(r) for r in load_results],
            }
            args.out.write_text(json.dumps(report, indent=2) + "\n")
        else:
            args.out.write_text(shapes_markdown(shape_results) + "\n" + load_markdown(load_results))
        print(f"results written to {args.out}")
    return 0
