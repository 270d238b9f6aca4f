"""The bench's synthetic datasets: one per size, generated through the import path.

The embedded store keeps one data directory per size under --data-dir, so
--reuse skips generation when that size was loaded before. With NEO4J_URI set,
the configured graph is used: it must be empty or hold a bench dataset of the
requested size.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass
from typing import Any

from graph_api.config import Settings
from graph_api.cypher import named
from graph_api.embedded import Connection
from graph_api.migrations import migrate
from graph_api.runtime import open_async_store
from graph_api.store import Store

SAMPLES = named("queries/intel_bench_samples")
DATASET = named("queries/intel_bench_dataset")
MARK = named("queries/intel_bench_mark")
BENCH_ACTOR = "bench"
SAMPLE_LIMIT = 200


@dataclass
class Size:
    partners: int
    customers: int
    deals: int

    @property
    def label(self) -> str:
        return f"{self.partners}p/{self.customers}c/{self.deals}d"


def sizes_from(args: argparse.Namespace) -> list[Size]:
    """The sizes of ``--sizes``: factors of ``--partners``, ``--customers`` and ``--deals``."""
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


def size_settings(base: Settings, size: Size) -> Settings:
    """The settings a size runs with: an embedded store gets a data directory per size."""
    if not base.embedded:
        return base
    name = f"p{size.partners}-c{size.customers}-d{size.deals}"
    return base.with_overrides(data_dir=base.data_dir / "bench" / name)


async def ensure_dataset(store: Store, size: Size, args: argparse.Namespace) -> str:
    """Load the dataset of ``size`` unless it is there; say what happened."""
    from graph_api.ingest import import_records
    from graph_api.synthetic.records import synthetic_rows

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
