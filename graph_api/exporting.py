"""The whole graph as import records: what ``graph-api export`` writes.

Every entity and relationship the import format knows becomes one record of
that format (README "Import format"), so ``graph-api import`` of the file into
an empty store gives back the same nodes, relationships and properties. The
records come in dependency order (referenced records first), each type paged
by id inside Cypher so memory stays flat on large graphs.

Left out: ``createdAt`` and ``updatedAt`` (bookkeeping the import stamps anew)
and the store's own nodes (migrations, the change counter, webhook endpoints,
deliveries and leases). The change log is written only when asked for, as
``Change`` records that the import skips: it is an archive, since an import
writes change entries of its own.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime
from typing import Any, TextIO

import neo4j.time

from graph_api.cypher import NamedQuery, named
from graph_api.export_generation import export_stem
from graph_api.ingest.spec import DEPENDENCY_ORDER, SPECS
from graph_api.store import Store

CHANGE_TYPE = "Change"  # archive-only record type of the change log
BOOKKEEPING = ("createdAt", "updatedAt")
PAGE_SIZE = 1000

_QUERIES: dict[str, NamedQuery] = {
    record_type: named(f"queries/{export_stem(record_type)}") for record_type in SPECS
}
_CHANGES = named("queries/export_changes")


def plain(value: Any) -> Any:
    """A stored value as JSON: temporal values as ISO-8601 text, lists element-wise."""
    if isinstance(value, neo4j.time.DateTime):
        return value.to_native().isoformat()
    if isinstance(value, neo4j.time.Date):
        return value.iso_format()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


async def _nodes(store: Store, record_type: str, page: int) -> AsyncIterator[dict[str, Any]]:
    spec = SPECS[record_type]
    refs = [f.name for f in spec.refs]
    after = ""
    while True:
        rows = await store.read(_QUERIES[record_type], after=after, limit=page)
        if not rows:
            return
        records = []
        for row in rows:
            props = {k: plain(v) for k, v in row["props"].items() if k not in BOOKKEEPING}
            record = {"type": record_type, **props, "id": row["id"]}
            record.update({name: row[name] for name in refs if row[name] is not None})
            records.append(record)
        records.sort(key=lambda r: str(r["id"]))
        for record in records:
            yield record
        after = str(records[-1]["id"])


async def _relationships(
    store: Store, record_type: str, page: int
) -> AsyncIterator[dict[str, Any]]:
    from_field, to_field = SPECS[record_type].endpoints
    after_from, after_to = "", ""
    while True:
        rows = await store.read(
            _QUERIES[record_type], afterFrom=after_from, afterTo=after_to, limit=page
        )
        if not rows:
            return
        records = []
        for row in rows:
            props = {k: plain(v) for k, v in row["props"].items() if k not in BOOKKEEPING}
            records.append(
                {"type": record_type, from_field: row["fromId"], to_field: row["toId"], **props}
            )
        records.sort(key=lambda r: (str(r[from_field]), str(r[to_field])))
        for record in records:
            yield record
        after_from, after_to = str(records[-1][from_field]), str(records[-1][to_field])


async def _changes(store: Store, page: int) -> AsyncIterator[dict[str, Any]]:
    after = 0
    while True:
        rows = await store.read(_CHANGES, after=after, limit=page)
        if not rows:
            return
        records = sorted(
            ({k: plain(v) for k, v in row["props"].items()} for row in rows),
            key=lambda r: int(r["seq"]),
        )
        for record in records:
            yield {"type": CHANGE_TYPE, **record}
        after = int(records[-1]["seq"])


async def export_records(
    store: Store, with_changes: bool = False, page: int = PAGE_SIZE
) -> AsyncIterator[dict[str, Any]]:
    """Every record of the graph in the import format, referenced records first."""
    for record_type in DEPENDENCY_ORDER:
        if SPECS[record_type].is_node:
            async for record in _nodes(store, record_type, page):
                yield record
        else:
            async for record in _relationships(store, record_type, page):
                yield record
    if with_changes:
        async for record in _changes(store, page):
            yield record


async def write_export(
    store: Store,
    out: TextIO,
    with_changes: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the graph to ``out`` as JSON Lines; returns the number of records."""
    written = 0
    async for record in export_records(store, with_changes):
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        written += 1
        if progress is not None:
            progress(1)
    return written
