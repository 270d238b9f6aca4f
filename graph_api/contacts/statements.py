"""Named queries behind contact lookups and lists."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

CONTACT_BY_IDS = named("queries/contact_by_ids")
CONTACT_PAGE = named("queries/contact_page")
CONTACT_PAGE_PARTNERS = named("queries/contact_page_partners")


def contact_page_query(scope: list[str] | None) -> NamedQuery:
    """The contacts list statement for the caller: a partner's scope starts from its partners."""
    return CONTACT_PAGE_PARTNERS if scope is not None else CONTACT_PAGE
