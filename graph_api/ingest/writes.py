"""Writing single records and small sets of them, each call one transaction.

Every call runs in a managed write transaction and appends change entries in
the same transaction, so a failure writes nothing and records nothing.
"""

from __future__ import annotations

from typing import Any

from graph_api.errors import InputInvalid
from graph_api.ingest.deletes import delete_node
from graph_api.ingest.engine import apply
from graph_api.ingest.outcome import Outcome, first_error, now
from graph_api.ingest.relationships import unlink_rel
from graph_api.ingest.validation import spec_for, validate
from graph_api.store import Store, Tx


def _raise_first(outcomes: list[Outcome]) -> None:
    error = first_error(outcomes)
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
        at = now()
        results = []
        for record_type, data in normalized:
            outcomes = await apply(tx, record_type, [data], actor, at, pending_only)
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
        return await delete_node(tx, record_type, id, actor, cascade)

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
        return await unlink_rel(tx, record_type, ends, actor, pending_only)

    return await store.write(work)
