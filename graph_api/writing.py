"""The write plumbing of the mutations: authorization, the write path, typed results.

A mutation checks the caller may write (``authz``), writes through the ingest
path in one managed transaction, reads the written entity back as the caller
sees it and answers a payload, or a typed error when the write path refused
(nothing is written then).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, TypeVar

import strawberry

from graph_api import authz, ingest
from graph_api.changes import Actor
from graph_api.cypher import NamedQuery
from graph_api.errors import (
    Conflict,
    ConflictError,
    EntityNotFound,
    InputInvalid,
    NotFoundError,
    ValidationError,
)
from graph_api.reading import GqlInfo, Row, read_one_fresh

T = TypeVar("T")
P = TypeVar("P")


# Inputs as the write path takes them.


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return input_data(value)
    return value


def input_data(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A Strawberry input as the camelCase dict the write path takes; UNSET fields are left out,
    so an update only touches the fields it names."""
    data: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        if value is strawberry.UNSET:
            continue
        data[_camel(f.name)] = _plain(value)
    return data


# Writes.

WriteError = ValidationError | NotFoundError | ConflictError


def actor(info: GqlInfo) -> Actor:
    principal = info.context.principal
    return Actor(principal.sub, principal.role)


async def check_write(info: GqlInfo, record_type: str, data: dict[str, Any]) -> None:
    """Authorization before every write: raises Forbidden when the caller may not write it."""
    await authz.check_write(info.context, record_type, data)


async def guarded(work: Callable[[], Awaitable[T]]) -> T | WriteError:
    """Run a write and turn the write path's typed exceptions into error results."""
    try:
        return await work()
    except InputInvalid as exc:
        return exc.as_result()
    except EntityNotFound as exc:
        return exc.as_result()
    except Conflict as exc:
        return exc.as_result()


async def upsert_all(
    info: GqlInfo,
    records: Sequence[tuple[str, Row]],
    error_path: Callable[[list[str]], list[str]] | None = None,
) -> list[Row]:
    """Check and write ``records`` in order in one transaction, all or nothing; returns
    what was stored. The write path's typed exceptions pass through (see ``guarded``);
    ``error_path`` maps the paths of an InputInvalid onto the mutation's input."""
    for record_type, data in records:
        await check_write(info, record_type, data)
    # A partner's registration is written only while pending (checked in the statement).
    pending_only = any(authz.pending_only(info.context, t) for t, _ in records)
    try:
        return await ingest.upsert_many(
            info.context.store, list(records), actor(info), pending_only
        )
    except InputInvalid as exc:
        if error_path is None:
            raise
        raise InputInvalid([(error_path(path), reason) for path, reason in exc.errors]) from None


async def write_all(
    info: GqlInfo,
    records: Sequence[tuple[str, Row]],
    then: Callable[[list[Row]], Awaitable[T]],
    error_path: Callable[[list[str]], list[str]] | None = None,
) -> T | WriteError:
    """``upsert_all``, then map what was stored with ``then``; refusals as error results."""

    async def work() -> T:
        return await then(await upsert_all(info, records, error_path))

    return await guarded(work)


async def write(
    info: GqlInfo,
    record_type: str,
    data: Row,
    then: Callable[[Row], Awaitable[T]],
) -> T | WriteError:
    """Upsert one record through the write path, then map what was stored with ``then``."""

    async def first(stored: list[Row]) -> T:
        return await then(stored[0])

    return await write_all(info, [(record_type, data)], first)


async def write_record(
    info: GqlInfo, record_type: str, data: Row, build: Callable[[Row], T]
) -> T | WriteError:
    """Upsert one link record and ``build`` the answer from the row stored (see ``payload``):
    a link has no id to read it back by, and the write path returns it whole."""

    async def then(stored: Row) -> T:
        return build(stored)

    return await write(info, record_type, data, then)


def payload(kind: Callable[..., P], **fields: Callable[[Row], Any]) -> Callable[[Row], P]:
    """A mutation payload built from the written entity's row, each field by its mapper:
    ``payload(PartnerPayload, partner=Partner.from_record)``."""
    return lambda row: kind(**{name: to_node(row) for name, to_node in fields.items()})


async def upsert_record(
    info: GqlInfo,
    record_type: str,
    data: Row,
    query: NamedQuery,
    build: Callable[[Row], T],
    read_id: str | None = None,
) -> T | WriteError:
    """Write one record, then read the entity ``read_id`` (default: the written id) back
    as the caller sees it, links included, and ``build`` the answer from it (see
    ``payload``)."""

    async def then(stored: Row) -> T:
        entity_id = read_id if read_id is not None else str(stored["id"])
        fresh = await read_one_fresh(info.context, query, entity_id)
        return build(fresh if fresh is not None else {**stored, "id": entity_id})

    return await write(info, record_type, data, then)


@strawberry.input(description="Which entity to delete.")
class DeleteInput:
    id: strawberry.ID = strawberry.field(description="Id of the entity to delete.")
    cascade: bool = strawberry.field(
        default=False,
        description="Also remove what blocks the delete. Without it, deleting a partner or "
        "partnership with credited deals, a program with members or a customer with deals "
        "answers ConflictError. With it, a partner goes with its partnerships (and their "
        "credits and registrations) and goals; a program with its partnerships; a customer "
        "with its contacts (its deals stay, without a customer). Deals are never deleted "
        "by a cascade.",
    )


@strawberry.type(description="An entity was deleted.")
class DeletePayload:
    id: strawberry.ID = strawberry.field(description="Id of the deleted entity.")
    entity_type: str = strawberry.field(description="Its kind, e.g. Partner.")


DeleteResult = Annotated[
    DeletePayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("DeleteResult", description="The deleted entity, or why nothing changed."),
]


async def delete_record(
    info: GqlInfo, record_type: str, input: DeleteInput
) -> DeletePayload | WriteError:
    data = {"id": str(input.id), "cascade": input.cascade}
    await check_write(info, record_type, data)

    async def work() -> DeletePayload:
        await ingest.delete(
            info.context.store, record_type, str(input.id), actor(info), cascade=input.cascade
        )
        return DeletePayload(id=input.id, entity_type=record_type)

    return await guarded(work)


@strawberry.type(description="A relationship between two entities was removed.")
class UnlinkPayload:
    relationship: str = strawberry.field(description="Its kind, e.g. Attribution or Serves.")
    from_id: strawberry.ID = strawberry.field(description="Id of the entity it started at.")
    to_id: strawberry.ID = strawberry.field(description="Id of the entity it pointed to.")


UnlinkResult = Annotated[
    UnlinkPayload | ValidationError | NotFoundError | ConflictError,
    strawberry.union("UnlinkResult", description="The removed link, or why nothing changed."),
]


async def unlink_record(
    info: GqlInfo, record_type: str, data: dict[str, Any], from_key: str, to_key: str
) -> UnlinkPayload | WriteError:
    """Remove one relationship record, named by its two end ids, through the write path."""
    await check_write(info, record_type, data)
    pending_only = authz.pending_only(info.context, record_type)

    async def work() -> UnlinkPayload:
        await ingest.unlink(info.context.store, record_type, data, actor(info), pending_only)
        return UnlinkPayload(
            relationship=record_type,
            from_id=strawberry.ID(str(data[from_key])),
            to_id=strawberry.ID(str(data[to_key])),
        )

    return await guarded(work)
