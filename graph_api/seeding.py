"""The demo dataset, loaded through the import path.

``seed/demo.jsonl`` is a curated dataset (made by ``seed/make_demo.py``); datasets of
any size come from :mod:`graph_api.synthetic`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from graph_api.cypher import named
from graph_api.datafiles import data_dir
from graph_api.ingest import ImportReport, import_records
from graph_api.ingest.relationships import rel_id
from graph_api.ingest.spec import SPECS
from graph_api.store import Store

SEED_DIR = data_dir("seed")
DEMO_FILE = SEED_DIR / "demo.jsonl"
SEED_ACTOR = "seed"

ANY_PARTNER = named("queries/ingest_any_partner")
EDITED = named("queries/seed_edited_records")
EDITED_BATCH = 1000


def demo_rows(path: Path = DEMO_FILE) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, json.loads(line)


async def load_demo(
    store: Store, progress: Callable[[int], None] | None = None, path: Path = DEMO_FILE
) -> ImportReport:
    """Load the demo dataset idempotently (a second load changes nothing)."""
    return await import_records(store, demo_rows(path), SEED_ACTOR, progress=progress)


async def seed_demo_if_empty(store: Store) -> str | None:
    """Load the demo dataset when the graph holds no partners; return a summary or None."""
    if await store.read_one(ANY_PARTNER) is not None or not DEMO_FILE.exists():
        return None
    report = await load_demo(store)
    return report.summary()


async def edited_records(
    store: Store, rows: Iterable[tuple[int, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Records among ``rows`` that someone other than the seed changed (or deleted)
    after they were loaded, so seeding them again would revert that change.

    Read from the change log: a record whose latest entry is the seed's own is
    as the seed left it. An empty graph has no entries, so nothing is in the way.
    """
    if await store.read_one(ANY_PARTNER) is None:
        return []
    edited: list[dict[str, Any]] = []
    batch: list[str] = []
    for _, record in rows:
        spec = SPECS.get(str(record.get("type")))
        if spec is None:
            continue
        if spec.is_node:
            if record.get("id"):
                batch.append(str(record["id"]))
        elif all(record.get(end) for end in spec.endpoints):
            batch.append(rel_id(spec, record))
        if len(batch) >= EDITED_BATCH:
            edited += await store.read(EDITED, ids=batch, seedActor=SEED_ACTOR)
            batch = []
    if batch:
        edited += await store.read(EDITED, ids=batch, seedActor=SEED_ACTOR)
    return edited
