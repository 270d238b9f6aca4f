"""Named queries behind deal lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import named

DEAL_BY_IDS = named("queries/deal_by_ids")
DEAL_PAGE = named("queries/deal_page")
DEAL_ATTRIBUTIONS = named("queries/deal_attributions")
DEAL_REGISTRATIONS = named("queries/deal_registrations")

# Deal lists compute a derived id only when a selected field needs it.
DEAL_DERIVED = {"withCustomerId": ("customerId", "customer"), "withLeadId": ("leadId", "lead")}
