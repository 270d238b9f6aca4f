"""Paths: how partners reach a deal, and the shortest route between two entities."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph_api.context import RequestContext
from graph_api.cypher import named
from graph_api.errors import InvalidArgument, LimitExceeded
from graph_api.intelligence.common import DealIdArg, check_id, or_default
from graph_api.intelligence.types import (
    AttributionPath,
    AttributionPathKind,
    AttributionPaths,
    ConnectionPath,
    DealRef,
    GraphEdge,
    GraphNode,
)
from graph_api.limits import MAX_HOPS

ATTRIBUTION_PATHS = named("queries/intel_attribution_paths")
CONNECTION_PATH = named("queries/intel_connection_path")

_KIND_ORDER = {kind.value: i for i, kind in enumerate(AttributionPathKind)}


async def attribution_paths(
    info: Info[RequestContext, None],
    deal_id: DealIdArg,
) -> AttributionPaths | None:
    ctx = info.context
    key = check_id(deal_id, "dealId")
    row = await ctx.store.read_one(ATTRIBUTION_PATHS, dealId=key, scope=ctx.scope)
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
    max_hops = or_default(max_hops, 4)
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
    row = await ctx.store.read_one(
        CONNECTION_PATH, fromId=start, toId=end, maxHops=max_hops, scope=ctx.scope
    )
    if row is None:
        return None
    return ConnectionPath(
        length=len(row["edges"]),
        nodes=[GraphNode.of(n) for n in row["nodes"]],
        edges=[GraphEdge.of(e) for e in row["edges"]],
    )
