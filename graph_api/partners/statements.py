"""Named queries behind partner lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import named

PARTNER_BY_IDS = named("queries/partner_by_ids")
PARTNER_PAGE = named("queries/partner_page")
PARTNER_PARTNERSHIPS = named("queries/partner_partnerships")
PARTNER_CUSTOMERS = named("queries/partner_customers")
PARTNER_RESELLERS = named("queries/partner_resellers")
PARTNER_GOALS = named("queries/partner_goals")
PARTNER_SHARING_GIVEN = named("queries/partner_sharing_given")
PARTNER_SHARING_RECEIVED = named("queries/partner_sharing_received")
PARTNER_DEALS = named("queries/partner_deals")


# Partner values converted (driver temporals to Python) only when selected.
PARTNER_CONVERTED = frozenset({"createdAt", "updatedAt", "servedSince"})
