"""Named queries behind partnership lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

PARTNERSHIP_BY_IDS = named("queries/partnership_by_ids")
PARTNERSHIP_PAGE = named("queries/partnership_page")
PARTNERSHIP_DEALS = named("queries/partnership_deals")
PARTNERSHIP_ATTRIBUTIONS = named("queries/partnership_attributions")
PARTNERSHIP_REGISTRATIONS = named("queries/partnership_registrations")
PARTNERSHIP_LEADS = named("queries/partnership_leads")
PARTNERSHIP_PAGE_PARTNERS = named("queries/partnership_page_partners")


def partnership_page_query(scope: list[str] | None, partner_id: str | None) -> NamedQuery:
    """The partnerships list statement for the call: a scope or a partner starts there."""
    return (
        PARTNERSHIP_PAGE_PARTNERS
        if scope is not None or partner_id is not None
        else PARTNERSHIP_PAGE
    )
