"""Named queries behind goal lookups and lists."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

GOAL_BY_IDS = named("queries/goal_by_ids")
GOAL_PAGE = named("queries/goal_page")
GOAL_PAGE_PARTNERS = named("queries/goal_page_partners")


def goal_page_query(scope: list[str] | None, partner_id: str | None) -> NamedQuery:
    """The goals list statement for the call: a scope or a partner starts from those partners."""
    return GOAL_PAGE_PARTNERS if scope is not None or partner_id is not None else GOAL_PAGE
