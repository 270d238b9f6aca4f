"""Nodes, edges and paths as results: what a visualization library draws.

Only allowlisted properties of each label and relationship are shown
(``NODE_KEYS``, ``EDGE_KEYS``), as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from graph_api.values import plain


@strawberry.type(description="One property of a node or edge, as text.")
class GraphProperty:
    key: str = strawberry.field(description="Property name.")
    value: str = strawberry.field(description="Property value as text (dates in ISO 8601).")


def properties(row: dict[str, Any] | None, keys: tuple[str, ...]) -> list[GraphProperty]:
    """The allowlisted ``keys`` present in ``row``, in the given order."""
    if not row:
        return []
    out = []
    for key in keys:
        value = plain(row.get(key))
        if value is None:
            continue
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        out.append(GraphProperty(key=key, value=text))
    return out


NODE_KEYS: dict[str, tuple[str, ...]] = {
    "Partner": ("kind", "tier", "region", "domain"),
    "Program": ("commissionType", "commissionRate", "flatAmount", "currency"),
    "Partnership": ("status", "level", "startDate", "endDate"),
    "Customer": ("domain", "industry", "region", "size"),
    "Contact": ("title",),
    "Lead": ("status", "createdDate", "convertedDate"),
    "Deal": ("amount", "currency", "stage", "closeDate"),
    "Goal": ("metric", "target", "periodStart", "periodEnd"),
}
EDGE_KEYS = ("role", "share", "at", "status", "expiresAt", "since", "level")


@strawberry.type(description="A node of a path or subgraph, ready for a visualization library.")
class GraphNode:
    id: strawberry.ID = strawberry.field(description="The entity's stable id.")
    label: str = strawberry.field(description="Node label, e.g. Partner or Deal.")
    title: str = strawberry.field(description="Display title: the name, else the id.")
    properties: list[GraphProperty] = strawberry.field(
        description="Key properties of this label (e.g. a deal's amount and stage)."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> GraphNode:
        label = str(row.get("label") or "")
        props = row.get("props") or {}
        return cls(
            id=strawberry.ID(str(row["id"])),
            label=label,
            title=str(row.get("title") or row["id"]),
            properties=properties(props, NODE_KEYS.get(label, ())),
        )


@strawberry.type(description="A directed edge between two nodes, by their ids.")
class GraphEdge:
    source: strawberry.ID = strawberry.field(description="Id of the start node.")
    target: strawberry.ID = strawberry.field(description="Id of the end node.")
    type: str = strawberry.field(description="Relationship type, e.g. ATTRIBUTED.")
    properties: list[GraphProperty] = strawberry.field(
        description="Relationship properties (role, share, at, status, expiresAt, since, level)."
    )

    @classmethod
    def of(cls, row: dict[str, Any]) -> GraphEdge:
        return cls(
            source=strawberry.ID(str(row["source"])),
            target=strawberry.ID(str(row["target"])),
            type=str(row["type"]),
            properties=properties(row.get("props"), EDGE_KEYS),
        )


@strawberry.type(description="An ordered path: nodes[i] and nodes[i+1] are joined by edges[i].")
class GraphPath:
    nodes: list[GraphNode] = strawberry.field(description="Nodes in path order.")
    edges: list[GraphEdge] = strawberry.field(description="Edges in path order.")

    @classmethod
    def of(cls, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> GraphPath:
        return cls(nodes=[GraphNode.of(n) for n in nodes], edges=[GraphEdge.of(e) for e in edges])
