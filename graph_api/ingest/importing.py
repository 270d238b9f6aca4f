"""Importing many rows: validated one by one, written in batches of one type.

Bad rows are skipped and reported with their line and reason; importing the
same rows again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import neo4j.exceptions

from graph_api import metrics
from graph_api.errors import EntityNotFound, InputInvalid
from graph_api.ingest.engine import apply
from graph_api.ingest.identity import SeenRows
from graph_api.ingest.outcome import Outcome, now
from graph_api.ingest.spec import DEPENDENCY_ORDER, RECORD_TYPES, canonical_type
from graph_api.ingest.validation import validate
from graph_api.store import Store, Tx

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass
class ImportReport:
    accepted: int = 0
    rejected: list[RowError] = field(default_factory=list)
    by_type: dict[str, int] = field(default_factory=dict)  # accepted rows per record type
    changed: int = 0  # accepted rows that wrote something (the rest were already stored)

    @property
    def unchanged(self) -> int:
        return self.accepted - self.changed

    def summary(self) -> str:
        parts = ", ".join(f"{t} {n}" for t, n in sorted(self.by_type.items()))
        return (
            f"{self.accepted} row(s) accepted ({self.changed} changed, {self.unchanged} "
            f"unchanged), {len(self.rejected)} rejected" + (f"; {parts}" if parts else "")
        )


def _short(text: str, limit: int = 40) -> str:
    """A value quoted in a reason, cut short: the input may be megabytes long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputInvalid):
        return "; ".join(f"{'.'.join(p)}: {r}" for p, r in exc.errors)
    return str(exc)


class _Importer:
    """Streams rows into per-type batches, written in dependency order.

    A row whose reference is not in the graph yet is held back and retried
    once every other row has been written, so a file may mention ids before
    the rows that define them. Only then is it rejected.
    """

    def __init__(
        self,
        store: Store,
        actor: str,
        batch_size: int,
        progress: Callable[[int], None] | None,
        where: Callable[[int], str],
    ) -> None:
        self.store = store
        self.where = where
        self.seen = SeenRows(where)
        self.actor = actor
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.report = ImportReport()
        self.buffers: dict[str, list[tuple[int, dict[str, Any]]]] = {
            t: [] for t in DEPENDENCY_ORDER
        }
        self.deferred: dict[str, list[tuple[int, dict[str, Any]]]] = {
            t: [] for t in DEPENDENCY_ORDER
        }
        self.rejected_ids: dict[tuple[str, str], int] = {}

    def _tick(self, n: int) -> None:
        if self.progress is not None and n:
            self.progress(n)

    def reject(
        self, line: int, reason: str, record_type: str | None = None, ident: Any = None
    ) -> None:
        self.report.rejected.append(RowError(line, reason))
        if record_type and isinstance(ident, str):
            self.rejected_ids.setdefault((record_type, ident), line)

    async def add(self, line: int, raw: dict[str, Any]) -> None:
        if not isinstance(raw, dict):
            self.reject(line, "a record must be an object")
            self._tick(1)
            return
        data = dict(raw)
        type_name = data.pop("type", None)
        record_type = canonical_type(type_name) if isinstance(type_name, str) else None
        if record_type is None:
            known = ", ".join(RECORD_TYPES)
            if isinstance(type_name, str):
                reason = f"type: unknown record type {_short(type_name)}; one of {known}"
            elif type_name is None:
                reason = f"type: is required; one of {known}"
            else:
                reason = f"type: must be a record type name (got {type(type_name).__name__})"
            self.reject(line, reason)
            self._tick(1)
            return
        try:
            normalized = validate(record_type, data)
        except InputInvalid as exc:
            self.reject(line, _reason(exc), record_type, data.get("id"))
            self._tick(1)
            return
        refusal = self.seen.refuse(record_type, normalized, line)
        if refusal is not None:
            self.reject(line, refusal)
            self._tick(1)
            return
        self.buffers[record_type].append((line, normalized))
        if len(self.buffers[record_type]) >= self.batch_size:
            await self.flush_through(record_type)

    async def flush_through(self, record_type: str) -> None:
        """Write this type's batch after everything buffered it may refer to."""
        for t in DEPENDENCY_ORDER:
            if self.buffers[t]:
                rows, self.buffers[t] = self.buffers[t], []
                for start in range(0, len(rows), self.batch_size):
                    await self.write(t, rows[start : start + self.batch_size], final=False)
            if t == record_type:
                break

    async def finish(self) -> ImportReport:
        await self.flush_through(DEPENDENCY_ORDER[-1])
        for t in DEPENDENCY_ORDER:
            rows, self.deferred[t] = self.deferred[t], []
            for start in range(0, len(rows), self.batch_size):
                await self.write(t, rows[start : start + self.batch_size], final=True)
        return self.report

    async def write(
        self, record_type: str, rows: list[tuple[int, dict[str, Any]]], final: bool
    ) -> None:
        try:
            outcomes = await self._write_batch(record_type, [data for _, data in rows])
        except (neo4j.exceptions.ClientError, neo4j.exceptions.DatabaseError) as exc:
            # Something the checks did not foresee (transient errors were already retried):
            # isolate the offending row by writing the batch one row at a time.
            if len(rows) == 1:
                self.reject(rows[0][0], f"the store refused the row: {exc.message}")
                self._tick(1)
                return
            for row in rows:
                await self.write(record_type, [row], final)
            return
        for (line, data), outcome in zip(rows, outcomes, strict=True):
            error = outcome.error
            if error is None:
                self.report.accepted += 1
                self.report.changed += int(outcome.changed)
                self.report.by_type[record_type] = self.report.by_type.get(record_type, 0) + 1
                self._tick(1)
            elif isinstance(error, EntityNotFound) and not final:
                self.deferred[record_type].append((line, data))
            else:
                reason = _reason(error)
                if isinstance(error, EntityNotFound):
                    source = self.rejected_ids.get((error.entity_type, error.entity_id))
                    if source is not None:
                        reason += f" (its row, {self.where(source)}, was rejected)"
                self.reject(line, reason, record_type, data.get("id"))
                self._tick(1)

    async def _write_batch(self, record_type: str, rows: list[dict[str, Any]]) -> list[Outcome]:
        async def work(tx: Tx) -> list[Outcome]:
            return await apply(tx, record_type, rows, self.actor, now())

        return await self.store.write(work)


async def import_records(
    store: Store,
    rows: Iterable[tuple[int, dict[str, Any]]],
    actor: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    where: Callable[[int], str] = "line {}".format,
) -> ImportReport:
    """Load ``(line number, record)`` pairs; each record has a ``type`` field.

    Rows are validated one by one; valid rows are written in batches of one
    type (one transaction each), in dependency order. Bad rows are skipped and
    reported with their line and reason; ``where`` names a line inside a
    reason. ``progress`` is called with the number of rows just finished.

    Importing the same rows again changes nothing: rows that would change
    something on every run are refused (a node row that nothing identifies,
    and a record given again with other values).
    """
    importer = _Importer(store, actor, batch_size, progress, where)
    for line, raw in rows:
        await importer.add(line, raw)
    report = await importer.finish()
    metrics.count_import(report.accepted, len(report.rejected))
    return report
