"""Relationship views: a capped subgraph around one entity for a visualization."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import InvalidArgument, LimitExceeded
from graph_api.intelligence.common import Statement, check_count, check_id, or_default
from graph_api.intelligence.graph import GraphEdge, GraphNode
from graph_api.limits import MAX_TRAVERSAL_DEPTH as MAX_DEPTH


@strawberry.type(description="A capped subgraph around one entity, for a visualization.")
class RelationshipView:
    root_id: strawberry.ID = strawberry.field(description="The entity the view starts at.")
    depth: int = strawberry.field(description="Hops walked from the root.")
    nodes: list[GraphNode] = strawberry.field(
        description="Root first, then by hop distance and id; at most `limit`."
    )
    edges: list[GraphEdge] = strawberry.field(
        description="Relationships of the allowed types between the returned nodes."
    )
    truncated: bool = strawberry.field(
        description="True when more nodes were reachable than `limit` allowed."
    )


RELATIONSHIP_VIEW = named("queries/intel_relationship_view")

MAX_LIMIT = 500


class RelationshipType(Enum):
    """The relationship types a view may walk: the allowlist for `relationshipTypes`."""

    HOLDS = "HOLDS"
    IN_PROGRAM = "IN_PROGRAM"
    ATTRIBUTED = "ATTRIBUTED"
    REGISTERED = "REGISTERED"
    FOR = "FOR"
    SERVES = "SERVES"
    WORKS_AT = "WORKS_AT"
    REFERRED_BY = "REFERRED_BY"
    CONVERTED_TO = "CONVERTED_TO"
    RESELLS_FOR = "RESELLS_FOR"
    SHARES_WITH = "SHARES_WITH"
    HAS_GOAL = "HAS_GOAL"


ALLOWED = [t.value for t in RelationshipType]


def check_types(types: list[str] | None) -> list[str]:
    if types is None:
        return ALLOWED
    unknown = sorted({t for t in types if t not in ALLOWED})
    if unknown:
        raise InvalidArgument(
            f"unknown relationship type(s) {', '.join(unknown)}; allowed: {', '.join(ALLOWED)}",
            argument="relationshipTypes",
            allowed=ALLOWED,
        )
    return sorted(set(types))


async def relationship_view(
    info: Info[RequestContext, None],
    root_id: Annotated[
        strawberry.ID,
        strawberry.argument(description="Id of the entity at the centre (any label)."),
    ],
    depth: Annotated[
        int | None, strawberry.argument(description="Hops to walk from the root, 0..3.")
    ] = 2,
    relationship_types: Annotated[
        list[str] | None,
        strawberry.argument(
            description="Relationship types to walk, each from the allowlist HOLDS, "
            "IN_PROGRAM, ATTRIBUTED, REGISTERED, FOR, SERVES, WORKS_AT, REFERRED_BY, "
            "CONVERTED_TO, RESELLS_FOR, SHARES_WITH, HAS_GOAL; null for all."
        ),
    ] = None,
    limit: Annotated[
        int | None, strawberry.argument(description="Most nodes to return, 1..500.")
    ] = 200,
) -> RelationshipView | None:
    ctx = info.context
    depth = or_default(depth, 2)
    statement = view_statement(
        root_id, depth, relationship_types, or_default(limit, 200), ctx.scope
    )
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    return RelationshipView(
        root_id=strawberry.ID(str(row["rootId"])),
        depth=depth,
        nodes=[
            GraphNode.of({**n, "props": props})
            for n, props in zip(row["nodes"], row["props"], strict=True)
        ],
        edges=[GraphEdge.of(e) for e in row["edges"]],
        truncated=bool(row["truncated"]),
    )


def view_statement(
    root_id: object,
    depth: int,
    relationship_types: list[str] | None,
    limit: int,
    scope: list[str] | None,
) -> Statement:
    """relationshipView's statement; it reads one node past ``limit`` to tell truncation."""
    if depth > MAX_DEPTH:
        raise LimitExceeded(
            "traversal_depth",
            f"`depth` is {depth}; the largest allowed is {MAX_DEPTH}",
            maximum=MAX_DEPTH,
        )
    if depth < 0:
        raise InvalidArgument("`depth` must not be negative", argument="depth")
    if limit > MAX_LIMIT:
        raise LimitExceeded(
            "view_nodes",
            f"`limit` is {limit}; the largest allowed is {MAX_LIMIT}",
            maximum=MAX_LIMIT,
        )
    check_count(limit, "limit", MAX_LIMIT)
    types = check_types(relationship_types)
    key = check_id(root_id, "rootId")
    params = {
        "rootId": key,
        "depth": depth,
        "types": types,
        "limit": limit,
        "cap": limit + 1,
        "scope": scope,
    }
    return Statement(RELATIONSHIP_VIEW, params)
