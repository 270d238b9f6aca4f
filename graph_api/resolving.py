"""Shared plumbing for the domain resolvers: loaders, pages, value mapping, writes.

Every nested field goes through a per-request DataLoader whose batch function
sends one named ``UNWIND $ids`` query with the caller's ``$scope``, so a level
of nesting costs one round trip however many parents it has. Nested lists are
connections too: their query orders and limits each parent's children inside
a per-parent subquery and returns ``{id, total, items}``. Lists ask for one
item more than the page (that extra item answers ``hasNextPage``), count
``total`` only when ``totalCount`` is selected (``$withTotal``), and compute
derived ids only when a selected field needs them (see ``selection``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.types import Info

from graph_api import authz, ingest
from graph_api.changes import Actor
from graph_api.context import RequestContext
from graph_api.cypher import NamedQuery
from graph_api.errors import (
    Conflict,
    ConflictError,
    EntityNotFound,
    InputInvalid,
    NotFoundError,
    ValidationError,
)
from graph_api.pagination import Connection, Page, build_connection, page_args
from graph_api.selection import ListSelection, list_selection
from graph_api.values import as_date, as_datetime, as_enum, as_float, enum_value

__all__ = ["as_date", "as_datetime", "as_enum", "as_float", "enum_value"]

T = TypeVar("T")
Row = dict[str, Any]
GqlInfo = Info[RequestContext, None]


@strawberry.enum(description="Sort direction of a list.")
class SortDirection(Enum):
    ASC = strawberry.enum_value("asc", description="Smallest first (A to Z, oldest first).")
    DESC = strawberry.enum_value("desc", description="Largest first (Z to A, newest first).")


# --- values -----------------------------------------------------------------


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


# --- reads ------------------------------------------------------------------


def ids_loader(
    ctx: RequestContext, query: NamedQuery, params: Mapping[str, Any] | None = None
) -> Callable[[list[str]], Awaitable[list[Row | None]]]:
    """Batch function for a ``<thing>_by_ids`` query returning ``id`` and ``node`` columns
    (``node`` a map projection, so the records are read as they come). The query gets
    the caller's ``scope``, or ``params`` instead when given."""
    bound = {"scope": ctx.scope} if params is None else params

    async def load(ids: list[str]) -> list[Row | None]:
        rows = await ctx.store.read_values(query, ids=list(ids), **bound)
        found = {row["id"]: row["node"] for row in rows}
        return [found.get(i) for i in ids]

    return load


async def load_one(ctx: RequestContext, query: NamedQuery, id: str | None) -> Row | None:
    """One entity by id through the request's loader; None when missing or out of scope."""
    if id is None:
        return None
    loader = ctx.loader(query.name, ids_loader(ctx, query))
    row: Row | None = await loader.load(str(id))
    return row


async def read_one_fresh(ctx: RequestContext, query: NamedQuery, id: str) -> Row | None:
    """One entity by id bypassing the loader cache (after a write in the same request)."""
    row = await ctx.store.read_one(query, ids=[id], scope=ctx.scope)
    return None if row is None else dict(row["node"])


def selected_row(row: Row, converted: frozenset[str], selected: frozenset[str]) -> Row:
    """``row`` without the ``converted`` values that are not ``selected``.

    ``converted`` names row keys whose conversion costs (driver temporals to Python
    dates: about 10 µs a datetime) and whose GraphQL field has the same name and is
    the only reader of that key; unselected, they read as null and nobody sees it.
    """
    return _without(row, converted - selected)


def _without(row: Row, drop: frozenset[str]) -> Row:
    return {k: v for k, v in row.items() if k not in drop} if drop else row


def selected_only(
    to_node: Callable[[Row], T], converted: frozenset[str], selection: ListSelection
) -> Callable[[Row], T]:
    """``to_node`` on rows without the ``converted`` values the selection leaves out."""
    drop = converted - selection.node_fields
    if not drop:
        return to_node
    return lambda row: to_node(_without(row, drop))


async def nested(
    info: GqlInfo,
    query: NamedQuery,
    parent_id: str,
    first: int,
    after: str | None,
    to_node: Callable[[Any], T],
    derived: Mapping[str, Iterable[str]] | None = None,
    converted: frozenset[str] = frozenset(),
    **params: Any,
) -> Connection[T]:
    """One page of a parent's children, batched across all parents of this level.

    ``derived`` maps a statement flag to the item fields that need it, e.g.
    ``{"withCustomerId": ("customerId", "customer")}``; ``converted`` names the
    item values converted only when selected (see ``selected_only``).
    """
    ctx = info.context
    page = page_args(first, after)
    selection = list_selection(info)
    to_node = selected_only(to_node, converted, selection)
    flags = selection.flags(derived or {})
    key = ":".join(
        [
            query.name,
            str(page.skip),
            str(page.limit),
            *(f"{k}={v}" for k, v in flags.items()),
            *(f"{k}={v}" for k, v in params.items()),
        ]
    )

    async def load(ids: list[str]) -> list[Row]:
        rows = await ctx.store.read_values(
            query,
            ids=list(ids),
            scope=ctx.scope,
            skip=page.skip,
            limit=page.limit + 1,
            **flags,
            **params,
        )
        found = {row["id"]: row for row in rows}
        return [found.get(i, _EMPTY) for i in ids]

    row: Row = await ctx.loader(key, load).load(str(parent_id))
    return _connection(row, page, to_node)


_EMPTY: Row = {"items": [], "total": 0}


def _connection(row: Row | None, page: Page, to_node: Callable[[Any], T]) -> Connection[T]:
    """A page from a statement's ``items`` (up to one past the page) and ``total``."""
    items = (row["items"] if row else None) or []
    total = row["total"] if row else 0
    return build_connection(
        items[: page.limit],
        int(total or 0),
        page,
        to_node,
        has_next=len(items) > page.limit,
    )


async def top_page(
    ctx: RequestContext,
    query: NamedQuery,
    first: int,
    after: str | None,
    to_node: Callable[[Any], T],
    selection: ListSelection | None = None,
    derived: Mapping[str, Iterable[str]] | None = None,
    converted: frozenset[str] = frozenset(),
    **params: Any,
) -> Connection[T]:
    """A top-level list: its named query returns ``items`` and ``total`` in one round trip.

    With a ``selection``, the total, the ``derived`` values and the ``converted`` item
    values are computed only when selected; without one, everything is.
    """
    page: Page = page_args(first, after)
    if selection is None:
        flags = {"withTotal": True, **{flag: True for flag in derived or {}}}
    else:
        flags = selection.flags(derived or {})
        to_node = selected_only(to_node, converted, selection)
    rows = await ctx.store.read_values(
        query, scope=ctx.scope, skip=page.skip, limit=page.limit + 1, **flags, **params
    )
    return _connection(rows[0] if rows else None, page, to_node)


# --- writes -----------------------------------------------------------------

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


# --- argument types ---------------------------------------------------------

First = Annotated[
    int, strawberry.argument(description="Page size: how many items to return (0 to 100).")
]
After = Annotated[
    str | None,
    strawberry.argument(description="Return items after this cursor (a previous `endCursor`)."),
]
Direction = Annotated[
    SortDirection, strawberry.argument(description="Sort ascending (default) or descending.")
]


# --- mutation plumbing ------------------------------------------------------


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


async def write(
    info: GqlInfo,
    record_type: str,
    data: dict[str, Any],
    then: Callable[[Row], Awaitable[T]],
) -> T | WriteError:
    """Upsert one record through the write path, then map what was stored with ``then``."""
    await check_write(info, record_type, data)
    pending_only = authz.pending_only(info.context, record_type)

    async def work() -> T:
        store = info.context.store
        stored = await ingest.upsert(store, record_type, data, actor(info), pending_only)
        return await then(stored)

    return await guarded(work)


async def upsert_record(
    info: GqlInfo,
    record_type: str,
    data: dict[str, Any],
    query: NamedQuery,
    to_node: Callable[[Row], T],
    read_id: str | None = None,
) -> T | WriteError:
    """Write one record, then read the entity ``read_id`` (default: the written id) back
    as the caller sees it, links included."""

    async def then(stored: Row) -> T:
        entity_id = read_id if read_id is not None else str(stored["id"])
        fresh = await read_one_fresh(info.context, query, entity_id)
        return to_node(fresh if fresh is not None else {**stored, "id": entity_id})

    return await write(info, record_type, data, then)


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
