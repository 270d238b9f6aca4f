"""Named queries behind lead lookups and lists."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

LEAD_BY_IDS = named("queries/lead_by_ids")
LEAD_PAGE = named("queries/lead_page")

# Lead lists name the converted deal only when a selected field needs it.
LEAD_DERIVED = {"withConvertedDealId": ("convertedDealId", "convertedDeal")}
LEAD_PAGE_PARTNERS = named("queries/lead_page_partners")


def lead_page_query(scope: list[str] | None, partner_id: str | None) -> NamedQuery:
    """The leads list statement for the call: a scope or a partner starts from those partners."""
    return LEAD_PAGE_PARTNERS if scope is not None or partner_id is not None else LEAD_PAGE
