"""Named queries behind customer lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named

CUSTOMER_BY_IDS = named("queries/customer_by_ids")
CUSTOMER_PAGE = named("queries/customer_page")
CUSTOMER_DEALS = named("queries/customer_deals")
CUSTOMER_PARTNERS = named("queries/customer_partners")
CUSTOMER_CONTACTS = named("queries/customer_contacts")
CUSTOMER_PAGE_PARTNERS = named("queries/customer_page_partners")


def customer_page_query(scope: list[str] | None) -> NamedQuery:
    """The customers list statement for the caller: a partner's scope starts from its partners."""
    return CUSTOMER_PAGE_PARTNERS if scope is not None else CUSTOMER_PAGE


# Customer values converted (driver temporals to Python) only when selected.
CUSTOMER_CONVERTED = frozenset({"createdAt", "updatedAt", "servedSince"})
