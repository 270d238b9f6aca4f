"""The write path: validated, idempotent upserts and imports of every record type.

Every call runs in managed write transactions and appends change entries in
the same transaction, so a failure writes nothing and records nothing.

Identity. A record is upserted by ``id``. Without an ``id``, a node record is
matched by ``sourceSystem`` + ``externalId``; Partners and Customers are then
matched by their normalized ``domain`` too, so the same company arriving from
two systems is one node (which keeps the source keys of the system that
created it). When nothing matches, a new id is generated.

Updates. Absent fields (and nulls, and empty strings) leave stored values as
they are; sending the same record twice changes nothing: no ``updatedAt``
bump, no change entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import neo4j.exceptions

from graph_api import metrics
from graph_api.errors import Conflict, EntityNotFound, InputInvalid
from graph_api.ingest import engine
from graph_api.ingest.identity import SeenRows
from graph_api.ingest.spec import (
    DEPENDENCY_ORDER,
    NODE_TYPES,
    RECORD_TYPES,
    RELATIONSHIP_TYPES,
    canonical_type,
)
from graph_api.ingest.validation import spec_for, validate
from graph_api.store import Store, Tx

__all__ = [
    "NODE_TYPES",
    "RECORD_TYPES",
    "RELATIONSHIP_TYPES",
    "ImportReport",
    "RowError",
    "delete",
    "import_records",
    "unlink",
    "upsert",
    "upsert_many",
    "validate",
]

DEFAULT_BATCH_SIZE = 500


def _raise_first(outcomes: list[engine.Outcome]) -> None:
    error = engine.first_error(outcomes)
    if error is not None:
        raise error


async def upsert(
    store: Store, record_type: str, data: dict[str, Any], actor: str, pending_only: bool = False
) -> dict[str, Any]:
    """Validate and write one record; returns the stored entity as a plain dict.

    Relationship records return their properties plus both endpoint ids.
    Raises InputInvalid, EntityNotFound or Conflict; then nothing is written.
    ``pending_only`` (a partner's registration) raises Forbidden for a registration
    the vendor has already decided, checked again inside the write statement.
    """
    results = await upsert_many(store, [(record_type, data)], actor, pending_only)
    return results[0]


async def upsert_many(
    store: Store,
    records: list[tuple[str, dict[str, Any]]],
    actor: str,
    pending_only: bool = False,
) -> list[dict[str, Any]]:
    """Several records in order, all in one transaction: all are written or none."""
    normalized = []
    for index, (record_type, data) in enumerate(records):
        try:
            normalized.append((record_type, validate(record_type, data)))
        except InputInvalid as exc:
            if len(records) == 1:
                raise
            raise InputInvalid(
                [([str(index), *path], reason) for path, reason in exc.errors]
            ) from None

    async def work(tx: Tx) -> list[dict[str, Any]]:
        at = engine.now()
        results = []
        for record_type, data in normalized:
            outcomes = await engine.apply(tx, record_type, [data], actor, at, pending_only)
            _raise_first(outcomes)
            assert outcomes[0].entity is not None
            results.append(outcomes[0].entity)
        return results

    return await store.write(work)


async def delete(
    store: Store, record_type: str, id: str, actor: str, cascade: bool = False
) -> dict[str, Any]:
    """Delete one entity by id; returns its properties.

    A Partner whose partnerships have credited deals, a Partnership with
    credited deals, a Program with enrolled partnerships and a Customer with
    deals raise Conflict unless ``cascade``. Deleting a Partner always removes
    its partnerships (with their attributions and registrations) and goals, and
    never deals or customers; a Program takes its partnerships along; a
    Customer takes its contacts, and its deals stay without a customer.
    """
    spec = spec_for(record_type)
    if not spec.is_node:
        raise InputInvalid([(["type"], f"{record_type} is a relationship; use unlink")])

    async def work(tx: Tx) -> dict[str, Any]:
        return await engine.delete_node(tx, record_type, id, actor, cascade)

    return await store.write(work)


async def unlink(
    store: Store, record_type: str, data: dict[str, Any], actor: str, pending_only: bool = False
) -> dict[str, Any]:
    """Remove one relationship record (Attribution, Registration, Serves, ResellsFor,
    SharesWith) named by its two endpoint ids; returns its last properties.
    ``pending_only`` removes a registration only while it is pending (else Forbidden)."""
    spec = spec_for(record_type)
    if spec.is_node:
        raise InputInvalid([(["type"], f"{record_type} is an entity; use delete")])
    a, b = spec.endpoints
    errors = [([name], "is required") for name in (a, b) if not data.get(name)]
    if errors:
        raise InputInvalid(errors)
    ends = {a: str(data[a]).strip(), b: str(data[b]).strip()}

    async def work(tx: Tx) -> dict[str, Any]:
        return await engine.unlink_rel(tx, record_type, ends, actor, pending_only)

    return await store.write(work)


# -- import ------------------------------------------------------------------------------


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

    async def _write_batch(
        self, record_type: str, rows: list[dict[str, Any]]
    ) -> list[engine.Outcome]:
        async def work(tx: Tx) -> list[engine.Outcome]:
            return await engine.apply(tx, record_type, rows, self.actor, engine.now())

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


# Errors the API raises, re-exported for callers.
__all__ += ["Conflict", "EntityNotFound", "InputInvalid"]
