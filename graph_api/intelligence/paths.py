"""Paths: how partners reach a deal, and the shortest route between two entities."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import InvalidArgument, LimitExceeded
from graph_api.intelligence.common import DealIdArg, Statement, check_id, or_default
from graph_api.intelligence.graph import GraphEdge, GraphNode
from graph_api.intelligence.refs import DealRef
from graph_api.limits import MAX_HOPS


@strawberry.enum(description="Which kind of route a partner takes to a deal.")
class AttributionPathKind(Enum):
    ATTRIBUTION = strawberry.enum_value(
        "ATTRIBUTION", description="Partner → partnership → deal, via ATTRIBUTED."
    )
    REGISTRATION = strawberry.enum_value(
        "REGISTRATION", description="Partner → partnership → deal, via REGISTERED."
    )
    LEAD_REFERRAL = strawberry.enum_value(
        "LEAD_REFERRAL", description="Partner → partnership ← referred lead → converted deal."
    )
    DISTRIBUTION = strawberry.enum_value(
        "DISTRIBUTION",
        description="A credited partner → the distributors it resells for, up to the top one.",
    )


@strawberry.type(description="One route by which a partner reaches a deal.")
class AttributionPath:
    kind: AttributionPathKind = strawberry.field(description="What kind of route this is.")
    nodes: list[GraphNode] = strawberry.field(description="Nodes in path order.")
    edges: list[GraphEdge] = strawberry.field(description="Edges in path order.")


@strawberry.type(description="Every route by which partners reach one deal.")
class AttributionPaths:
    deal: DealRef = strawberry.field(description="The deal.")
    paths: list[AttributionPath] = strawberry.field(
        description="Ordered by kind (ATTRIBUTION, REGISTRATION, LEAD_REFERRAL, DISTRIBUTION), "
        "then by node ids. Scoped callers see routes that start at partners in their scope."
    )


@strawberry.type(description="The shortest relationship path between two entities.")
class ConnectionPath:
    length: int = strawberry.field(description="Number of edges.")
    nodes: list[GraphNode] = strawberry.field(description="Nodes from the start to the end.")
    edges: list[GraphEdge] = strawberry.field(description="Edges in path order.")


ATTRIBUTION_PATHS = named("queries/intel_attribution_paths")
CONNECTION_PATH = named("queries/intel_connection_path")

_KIND_ORDER = {kind.value: i for i, kind in enumerate(AttributionPathKind)}


def attribution_paths_statement(deal_id: object, scope: list[str] | None) -> Statement:
    """attributionPaths' statement."""
    return Statement(ATTRIBUTION_PATHS, {"dealId": check_id(deal_id, "dealId"), "scope": scope})


async def attribution_paths(
    info: Info[RequestContext, None],
    deal_id: DealIdArg,
) -> AttributionPaths | None:
    ctx = info.context
    statement = attribution_paths_statement(deal_id, ctx.scope)
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    raw: list[dict[str, Any]] = sorted(
        row["paths"],
        key=lambda p: (_KIND_ORDER[p["kind"]], [str(n["id"]) for n in p["nodes"]]),
    )
    return AttributionPaths(
        deal=DealRef.of(row["deal"]),
        paths=[
            AttributionPath(
                kind=AttributionPathKind(p["kind"]),
                nodes=[GraphNode.of(n) for n in p["nodes"]],
                edges=[GraphEdge.of(e) for e in p["edges"]],
            )
            for p in raw
        ],
    )


def connection_path_statement(
    from_id: object, to_id: object, max_hops: int, scope: list[str] | None
) -> Statement:
    """connectionPath's statement: two different entities, at most ``max_hops`` apart."""
    if max_hops > MAX_HOPS:
        raise LimitExceeded(
            "max_hops",
            f"`maxHops` is {max_hops}; the largest allowed is {MAX_HOPS}",
            maximum=MAX_HOPS,
        )
    if max_hops < 1:
        raise InvalidArgument("`maxHops` must be at least 1", argument="maxHops")
    start = check_id(from_id, "fromId")
    end = check_id(to_id, "toId")
    if start == end:
        raise InvalidArgument("`fromId` and `toId` must name different entities", argument="toId")
    params = {"fromId": start, "toId": end, "maxHops": max_hops, "scope": scope}
    return Statement(CONNECTION_PATH, params)


async def connection_path(
    info: Info[RequestContext, None],
    from_id: Annotated[
        strawberry.ID,
        strawberry.argument(description="Id of the entity to start from (any label)."),
    ],
    to_id: Annotated[
        strawberry.ID, strawberry.argument(description="Id of the entity to reach (any label).")
    ],
    max_hops: Annotated[
        int | None, strawberry.argument(description="Longest path to accept, 1..6.")
    ] = 4,
) -> ConnectionPath | None:
    ctx = info.context
    statement = connection_path_statement(from_id, to_id, or_default(max_hops, 4), ctx.scope)
    row = await ctx.store.read_one(statement.query, **statement.params)
    if row is None:
        return None
    return ConnectionPath(
        length=len(row["edges"]),
        nodes=[GraphNode.of(n) for n in row["nodes"]],
        edges=[GraphEdge.of(e) for e in row["edges"]],
    )
