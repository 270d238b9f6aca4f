"""Named queries behind program lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

PROGRAM_BY_IDS = named("queries/program_by_ids")
PROGRAM_PAGE = named("queries/program_page")
PROGRAM_PARTNERSHIPS = named("queries/program_partnerships")
PROGRAM_PAGE_PARTNERS = named("queries/program_page_partners")


def program_page_query(scope: list[str] | None) -> NamedQuery:
    """The programs list statement for the caller: a partner's scope starts from its partners."""
    return PROGRAM_PAGE_PARTNERS if scope is not None else PROGRAM_PAGE
