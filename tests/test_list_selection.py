"""Statement flags from a list's selection, and from no selection at all (EVERYTHING)."""

from __future__ import annotations

from graph_api.selection import EVERYTHING, ListSelection

DERIVED = {"withCustomerId": ("customerId", "customer"), "withLeadId": ("leadId", "lead")}


def test_flags_follow_the_selected_fields() -> None:
    selection = ListSelection(total=False, node_fields=frozenset({"id", "customer"}))
    assert selection.flags(DERIVED) == {
        "withTotal": False,
        "withCustomerId": True,
        "withLeadId": False,
    }
    assert selection.unselected(frozenset({"closeDate", "customer"})) == {"closeDate"}


def test_no_selection_computes_everything() -> None:
    assert EVERYTHING.flags(DERIVED) == {
        "withTotal": True,
        "withCustomerId": True,
        "withLeadId": True,
    }
    assert EVERYTHING.selects("anything")
    assert EVERYTHING.unselected(frozenset({"closeDate", "createdAt"})) == frozenset()
