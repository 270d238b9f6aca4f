"""Relay-style connections with opaque offset cursors.

Lists are sorted on allowlisted keys with ``id`` as the tie-breaker, so an
offset names a stable position. Each list's named query returns the page and
the total in one round trip.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry

from graph_api.errors import InvalidArgument, check_page_size

T = TypeVar("T")
_PREFIX = "offset:"
# Far past any list this API serves, and small enough that skip + limit stays an
# int64 in Cypher (a larger offset overflowed there, as an internal error).
MAX_OFFSET = 2**31


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset just past ``cursor`` (0 for none); a malformed cursor is a client error."""
    if cursor is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith(_PREFIX):
            raise ValueError(raw)
        offset = int(raw[len(_PREFIX) :])
        if not 0 <= offset <= MAX_OFFSET:
            raise ValueError(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidArgument("`after` is not a cursor this API issued", argument="after") from exc
    return offset + 1


@dataclass(frozen=True)
class Page:
    skip: int
    limit: int


def page_args(first: int, after: str | None) -> Page:
    check_page_size(first)
    return Page(skip=decode_cursor(after), limit=first)


@strawberry.type(description="Where this page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="Items precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item; pass it as `after` for the next page."
    )


@strawberry.type(description="One item of a list, with its cursor.")
class Edge(Generic[T]):
    node: T = strawberry.field(description="The item.")
    cursor: str = strawberry.field(description="Opaque position of this item.")


@strawberry.type(description="A page of a list, Relay style.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Paging state.")
    total_count: int = strawberry.field(
        description="How many items match the filters in all pages (only what you may see)."
    )

    @strawberry.field(description="The items of this page without cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def build_connection(
    rows: Sequence[Any],
    total: int,
    page: Page,
    to_node: Callable[[Any], T],
    has_next: bool | None = None,
) -> Connection[T]:
    """A connection over one page of rows; ``has_next`` (when the query fetched one row
    past the page) wins over comparing with ``total``, which may not have been counted."""
    edges = [
        Edge(node=to_node(row), cursor=encode_cursor(page.skip + index))
        for index, row in enumerate(rows)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next if has_next is not None else page.skip + len(rows) < total,
            has_previous_page=page.skip > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
