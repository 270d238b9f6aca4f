"""What a GraphQL selection asks of a list or object field, so reads compute only that.

Read statements take flags (``$withTotal``, ``$withCustomerId``, ...) and skip
the count or the derived id a query does not select. Fragments count as
selected whatever their type condition, and ``@skip``/``@include`` are ignored:
computing a value nobody reads is harmless, leaving out one somebody reads is not.

Resolvers of nested lists run once per parent, so the answer is cached per
set of field nodes (parsed documents are cached and reused across requests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

_CACHE_LIMIT = 2048


@dataclass(frozen=True)
class ListSelection:
    """A connection's selection: whether ``totalCount`` is asked, and the item fields.

    ``every_field`` stands for a read with no GraphQL selection to go by (a caller
    outside a resolver): every item field counts as selected.
    """

    total: bool
    node_fields: frozenset[str]
    every_field: bool = False

    def selects(self, field: str) -> bool:
        return self.every_field or field in self.node_fields

    def unselected(self, fields: frozenset[str]) -> frozenset[str]:
        """Those of ``fields`` the selection leaves out."""
        return frozenset() if self.every_field else fields - self.node_fields

    def flags(self, derived: Mapping[str, Iterable[str]]) -> dict[str, bool]:
        """Statement flags: ``withTotal``, and each ``derived`` flag true when any of the
        fields that need it is selected."""
        return {
            "withTotal": self.total,
            **{flag: any(map(self.selects, fields)) for flag, fields in derived.items()},
        }


EVERYTHING = ListSelection(total=True, node_fields=frozenset(), every_field=True)


_lists: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], ListSelection]] = {}
_objects: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], frozenset[str]]] = {}
_T = TypeVar("_T")


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


def _cached(
    cache: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], _T]],
    info: Any,
    compute: Callable[[tuple[FieldNode, ...], Mapping[str, Any]], _T],
) -> _T:
    """``compute(field_nodes, fragments)``, cached per set of field nodes."""
    raw = getattr(info, "_raw_info", info)
    nodes: tuple[FieldNode, ...] = tuple(raw.field_nodes)
    key = tuple(id(n) for n in nodes)
    hit = cache.get(key)
    if hit is not None and _same(hit[0], nodes):
        return hit[1]
    result = compute(nodes, raw.fragments)
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = (nodes, result)
    return result


def list_selection(info: Any) -> ListSelection:
    """The selection of the connection field being resolved (``totalCount``, item fields)."""
    return _cached(_lists, info, _list_selection)


def _list_selection(nodes: tuple[FieldNode, ...], fragments: Mapping[str, Any]) -> ListSelection:
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
    return ListSelection(total=total, node_fields=frozenset(items))


def object_fields(info: Any) -> frozenset[str]:
    """The fields selected on the object the field being resolved returns."""
    return _cached(_objects, info, _object_fields)


def _object_fields(nodes: tuple[FieldNode, ...], fragments: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(
        c.name.value for field in nodes for c in _names(field.selection_set, fragments)
    )
