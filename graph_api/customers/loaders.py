"""Named queries behind customer lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import named

CUSTOMER_BY_IDS = named("queries/customer_by_ids")
CUSTOMER_PAGE = named("queries/customer_page")
CUSTOMER_DEALS = named("queries/customer_deals")
CUSTOMER_PARTNERS = named("queries/customer_partners")
CUSTOMER_CONTACTS = named("queries/customer_contacts")
