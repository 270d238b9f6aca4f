"""Bulk import: ``graph-api import``'s path against a raw batched driver path.

Both read the same JSON Lines file, validate each row the same way
(graph_api.ingest.validation) and write batches of one record type in
dependency order, one managed transaction per batch. The raw path is the
fastest plain-driver load we know for a fresh graph: one statement per batch
that checks each id once and CREATEs what is missing (no MERGE), with the
references as relationships (``cypher/bench/import_*.cypher``). It does none
of the importer's other work: no change-log entries, no natural-key (domain)
matching, no share-sum checks, no per-row error isolation or deferral.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from graph_api.cypher import CYPHER_DIR, NamedQuery, named
from graph_api.ingest import import_records
from graph_api.ingest.files import read_jsonl
from graph_api.ingest.spec import DEPENDENCY_ORDER, SPECS
from graph_api.ingest.validation import validate
from graph_api.store import Store, Tx

ACTOR = "bench-import"
COUNTS = named("bench/import_counts")


def _raw_stem(record_type: str) -> str:
    return "bench/import_" + re.sub(r"(?<!^)([A-Z])", r"_\1", record_type).lower()


def has_raw_statement(record_type: str) -> bool:
    """Whether the raw path has a hand-written statement for this record type."""
    return (CYPHER_DIR / f"{_raw_stem(record_type)}.cypher").is_file()


@cache
def raw_statement(record_type: str) -> NamedQuery:
    """The raw path's hand-written statement for one record type, loaded on first use."""
    return named(_raw_stem(record_type))


@dataclass
class ImportResult:
    path: str  # "graph-api import" or "raw driver"
    batch_size: int
    records: int
    seconds: float
    records_per_s: float
    nodes: int
    relationships: int


def write_file(path: Path, records: Iterator[dict[str, Any]]) -> int:
    """The comparison's input: the records of the types both paths can load. The raw
    statements cover the partner, deal and credit records; the enablement and channel
    records have none yet, so both paths are compared without them."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            if not has_raw_statement(str(record["type"])):
                continue
            handle.write(json.dumps(record) + "\n")
            count += 1
    return count


def _raw_row(record_type: str, data: dict[str, Any], at: datetime) -> dict[str, Any]:
    """One row of the raw statements: what the importer would store for a new record."""
    spec = SPECS[record_type]
    values = validate(record_type, data)
    if spec.is_node:
        values = {**spec.defaults, **values}
        if record_type == "Lead" and "convertedDealId" in values and "status" not in data:
            values["status"] = "converted"
        refs = {f.name for f in spec.refs}
        props = {k: v for k, v in values.items() if k not in refs and k != "id"}
        props |= {"createdAt": at, "updatedAt": at}
        return {"id": values["id"], "props": props, **{r: values.get(r) for r in refs}}
    a, b = spec.endpoints
    props = {**spec.defaults, **{k: v for k, v in values.items() if k not in (a, b)}}
    props |= {"createdAt": at, "updatedAt": at}
    return {"from": values[a], "to": values[b], "props": props}


async def load_raw(store: Store, path: Path, batch_size: int) -> int:
    """The raw path: every row of ``path`` in batches of one type, dependency order."""
    at = datetime.now(UTC)
    # A record repeated in the file is one upsert: later values win, as in the importer.
    # Folding repeats here keeps each batch free of duplicates, which CREATE needs.
    by_type: dict[str, dict[Any, dict[str, Any]]] = {t: {} for t in DEPENDENCY_ORDER}
    bad: list[tuple[int, str]] = []
    for _, raw in read_jsonl(path, bad):
        data = dict(raw)
        record_type = str(data.pop("type"))
        row = _raw_row(record_type, data, at)
        key = row.get("id") or (row.get("from"), row.get("to"))
        seen = by_type[record_type].get(key)
        if seen is not None:
            row = {**seen, **{k: v for k, v in row.items() if v is not None}}
            row["props"] = {**seen["props"], **row["props"]}
        by_type[record_type][key] = row
    if bad:
        raise ValueError(f"{path}: {len(bad)} unreadable lines, the first: {bad[0]}")
    written = 0
    for record_type in DEPENDENCY_ORDER:
        rows = list(by_type[record_type].values())
        for start in range(0, len(rows), batch_size):
            written += await store.write(
                _batch_writer(raw_statement(record_type), rows[start : start + batch_size])
            )
    return written


def _batch_writer(query: NamedQuery, rows: list[dict[str, Any]]) -> Callable[[Tx], Awaitable[int]]:
    async def work(tx: Tx) -> int:
        row = await tx.run_one(query, rows=rows)
        return int(row["written"]) if row else 0

    return work


async def load_with_importer(store: Store, path: Path, batch_size: int) -> int:
    """What ``graph-api import FILE --batch-size N`` runs, minus its progress line."""
    bad: list[tuple[int, str]] = []
    report = await import_records(store, read_jsonl(path, bad), ACTOR, batch_size)
    if bad or report.rejected:
        raise ValueError(f"{path}: the importer rejected rows: {(bad or report.rejected)[:1]}")
    return report.accepted


async def timed_load(store: Store, path: Path, batch_size: int, raw: bool) -> ImportResult:
    """Load ``path`` into ``store`` (empty) one way; the result counts what it made."""
    started = time.perf_counter()
    if raw:
        await load_raw(store, path, batch_size)
    else:
        await load_with_importer(store, path, batch_size)
    seconds = time.perf_counter() - started
    counts = await store.read_one(COUNTS) or {}
    lines = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return ImportResult(
        path="raw driver" if raw else "graph-api import",
        batch_size=batch_size,
        records=lines,
        seconds=round(seconds, 2),
        records_per_s=round(lines / seconds, 1) if seconds else 0.0,
        nodes=int(counts.get("nodes") or 0),
        relationships=int(counts.get("relationships") or 0),
    )


IMPORT_HEADER = (
    f"{'path':<18} {'batch':>6} {'records':>8} {'seconds':>8} {'records/s':>10} "
    f"{'nodes':>8} {'rels':>8}"
)


def import_row(r: ImportResult) -> str:
    return (
        f"{r.path:<18} {r.batch_size:>6} {r.records:>8} {r.seconds:>8.2f} "
        f"{r.records_per_s:>10.1f} {r.nodes:>8} {r.relationships:>8}"
    )


def import_markdown(results: list[ImportResult]) -> str:
    lines = [
        "| path | batch size | records | seconds | records/s | nodes | relationships |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.path} | {r.batch_size} | {r.records} | {r.seconds:.2f} | "
            f"{r.records_per_s:.1f} | {r.nodes} | {r.relationships} |"
        )
    return "\n".join(lines) + "\n"
