"""Reads for the domain resolvers: loaders, pages, page arguments.

Every nested field goes through a per-request DataLoader whose batch function
sends one named ``UNWIND $ids`` query with the caller's ``$scope``, so a level
of nesting costs one round trip however many parents it has. Nested lists are
connections too: their query orders and limits each parent's children inside
a per-parent subquery and returns ``{id, total, items}``. Lists ask for one
item more than the page (that extra item answers ``hasNextPage``), count
``total`` only when ``totalCount`` is selected (``$withTotal``), and compute
derived ids only when a selected field needs them (see ``selection``).

Nothing here writes: types and queries import this module, never the write path.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from enum import Enum
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import NamedQuery
from graph_api.pagination import Connection, Page, build_connection, page_args
from graph_api.selection import EVERYTHING, ListSelection, list_selection

T = TypeVar("T")
Row = dict[str, Any]
GqlInfo = Info[RequestContext, None]


@strawberry.enum(description="Sort direction of a list.")
class SortDirection(Enum):
    ASC = strawberry.enum_value("asc", description="Smallest first (A to Z, oldest first).")
    DESC = strawberry.enum_value("desc", description="Largest first (Z to A, newest first).")


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


async def load_node(
    ctx: RequestContext, query: NamedQuery, id: str | None, to_node: Callable[[Row], T]
) -> T | None:
    """``load_one`` mapped by ``to_node``: the node a field or query answers, or None."""
    row = await load_one(ctx, query, id)
    return to_node(row) if row else None


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
    drop = selection.unselected(converted)
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
    selection = EVERYTHING if selection is None else selection
    flags = selection.flags(derived or {})
    to_node = selected_only(to_node, converted, selection)
    rows = await ctx.store.read_values(
        query, scope=ctx.scope, skip=page.skip, limit=page.limit + 1, **flags, **params
    )
    return _connection(rows[0] if rows else None, page, to_node)


# Page arguments, each with its GraphQL description.

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
