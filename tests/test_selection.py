"""graph_api/selection.py without a store: what a selection asks of a connection or an
object, through fragments, and the per-field-node cache of those answers."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from graphql import FieldNode, FragmentDefinitionNode, OperationDefinitionNode, parse

from graph_api import selection
from graph_api.selection import ListSelection, list_selection, object_fields


def info(document: str, path: tuple[str, ...] = ()) -> Any:
    """What a resolver's info offers for the field at ``path`` (default: the first root
    field) of the first operation in ``document``."""
    parsed = parse(document)
    fragments = {
        d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(d for d in parsed.definitions if isinstance(d, OperationDefinitionNode))
    field = operation.selection_set.selections[0]
    assert isinstance(field, FieldNode)
    for name in path:
        assert field.selection_set is not None
        field = next(
            f
            for f in field.selection_set.selections
            if isinstance(f, FieldNode) and f.name.value == name
        )
    return SimpleNamespace(field_nodes=[field], fragments=fragments)


def test_total_count_is_asked_only_when_selected() -> None:
    assert list_selection(info("{ partners { totalCount } }")) == ListSelection(
        total=True, node_fields=frozenset()
    )
    assert list_selection(info("{ partners { nodes { id } } }")).total is False


def test_item_fields_come_from_nodes_and_from_edges_node() -> None:
    picked = list_selection(
        info("{ deals { nodes { id name } edges { cursor node { amount customer { id } } } } }")
    )
    assert picked.node_fields == {"id", "name", "amount", "customer"}
    assert picked.total is False


def test_fragments_count_whatever_their_type_condition() -> None:
    document = """
    query { partners { ...Counted edges { ... on PartnerEdge { node { ...Named } } } } }
    fragment Counted on PartnerConnection { totalCount }
    fragment Named on Partner { name tier }
    """
    picked = list_selection(info(document))
    assert picked == ListSelection(total=True, node_fields=frozenset({"name", "tier"}))


def test_a_spread_of_an_unknown_fragment_selects_nothing() -> None:
    picked = list_selection(info("{ partners { ...Missing nodes { id } } }"))
    assert picked == ListSelection(total=False, node_fields=frozenset({"id"}))


def test_flags_turn_on_for_any_field_that_needs_them() -> None:
    picked = ListSelection(total=False, node_fields=frozenset({"id", "customer"}))
    derived = {"withCustomerId": ["customerId", "customer"], "withPartnerIds": ["partners"]}
    assert picked.flags(derived) == {
        "withTotal": False,
        "withCustomerId": True,
        "withPartnerIds": False,
    }


def test_object_fields_flatten_inline_fragments_and_spreads() -> None:
    document = """
    { deal(id: "d1") { id ... on Deal { stage } ...Money customer { name } } }
    fragment Money on Deal { amount currency }
    """
    assert object_fields(info(document)) == {"id", "stage", "amount", "currency", "customer"}
    nested = info(document, ("customer",))
    assert object_fields(nested) == {"name"}


def test_the_same_field_nodes_are_answered_from_the_cache() -> None:
    asked = info("{ partners { totalCount nodes { id } } }")
    first = list_selection(asked)
    assert list_selection(asked) is first
    # The same text parsed again is other nodes: answered afresh, and alike.
    again = list_selection(info("{ partners { totalCount nodes { id } } }"))
    assert again == first


def test_a_cache_entry_for_reused_node_ids_is_not_trusted() -> None:
    # The cache is keyed by the ids of the field nodes; once nodes are freed, new ones
    # may get their ids. An entry whose nodes are not the very nodes asked is stale.
    asked = info("{ partners { nodes { id } } }")
    key = tuple(id(node) for node in asked.field_nodes)
    other = tuple(info("{ partners { totalCount } }").field_nodes)
    cache: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], str]] = {key: (other, "stale")}
    answer = selection._cached(cache, asked, lambda nodes, fragments: "fresh")
    assert answer == "fresh"
    assert cache[key] == (tuple(asked.field_nodes), "fresh")
