"""What a GraphQL selection asks of a list or object field, so reads compute only that.

Read statements take flags (``$withTotal``, ``$withCustomerId``, ...) and skip
the count or the derived id a query does not select. Fragments count as
selected whatever their type condition, and ``@skip``/``@include`` are ignored:
computing a value nobody reads is harmless, leaving out one somebody reads is not.

Resolvers of nested lists run once per parent, so the answer is cached per
set of field nodes (parsed documents are cached and reused across requests).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

_CACHE_LIMIT = 2048


@dataclass(frozen=True)
class ListSelection:
    """A connection's selection: whether ``totalCount`` is asked, and the item fields."""

    total: bool
    node_fields: frozenset[str]

    def flags(self, derived: Mapping[str, Iterable[str]]) -> dict[str, bool]:
        """Statement flags: each is true when any of the fields that need it is selected."""
        return {
            flag: any(f in self.node_fields for f in fields) for flag, fields in derived.items()
        }


_lists: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], ListSelection]] = {}
_objects: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], frozenset[str]]] = {}


def _names(selection_set: SelectionSetNode | None, fragments: Mapping[str, Any]) -> list[FieldNode]:
    """The fields of a selection set, fragments flattened."""
    out: list[FieldNode] = []
    if selection_set is None:
        return out
    for node in selection_set.selections:
        if isinstance(node, FieldNode):
            out.append(node)
        elif isinstance(node, InlineFragmentNode):
            out.extend(_names(node.selection_set, fragments))
        elif isinstance(node, FragmentSpreadNode):
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                out.extend(_names(fragment.selection_set, fragments))
    return out


def _same(cached: tuple[FieldNode, ...], nodes: tuple[FieldNode, ...]) -> bool:
    # The cache holds the nodes it was keyed on, so their ids cannot be reused meanwhile.
    return len(cached) == len(nodes) and all(a is b for a, b in zip(cached, nodes, strict=True))


def _raw(info: Any) -> tuple[tuple[FieldNode, ...], Mapping[str, Any]]:
    raw = getattr(info, "_raw_info", info)
    return tuple(raw.field_nodes), raw.fragments


def list_selection(info: Any) -> ListSelection:
    """The selection of the connection field being resolved (``totalCount``, item fields)."""
    nodes, fragments = _raw(info)
    key = tuple(id(n) for n in nodes)
    hit = _lists.get(key)
    if hit is not None and _same(hit[0], nodes):
        return hit[1]
    total = False
    items: set[str] = set()
    for field in nodes:
        for child in _names(field.selection_set, fragments):
            name = child.name.value
            if name == "totalCount":
                total = True
            elif name == "nodes":
                items.update(c.name.value for c in _names(child.selection_set, fragments))
            elif name == "edges":
                for edge in _names(child.selection_set, fragments):
                    if edge.name.value == "node":
                        items.update(c.name.value for c in _names(edge.selection_set, fragments))
    result = ListSelection(total=total, node_fields=frozenset(items))
    if len(_lists) >= _CACHE_LIMIT:
        _lists.clear()
    _lists[key] = (nodes, result)
    return result


def object_fields(info: Any) -> frozenset[str]:
    """The fields selected on the object the field being resolved returns."""
    nodes, fragments = _raw(info)
    key = tuple(id(n) for n in nodes)
    hit = _objects.get(key)
    if hit is not None and _same(hit[0], nodes):
        return hit[1]
    result = frozenset(
        c.name.value for field in nodes for c in _names(field.selection_set, fragments)
    )
    if len(_objects) >= _CACHE_LIMIT:
        _objects.clear()
    _objects[key] = (nodes, result)
    return result
