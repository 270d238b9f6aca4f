"""Named queries behind lead lookups and lists."""

from __future__ import annotations

from graph_api.cypher import named

LEAD_BY_IDS = named("queries/lead_by_ids")
LEAD_PAGE = named("queries/lead_page")

# Lead lists name the converted deal only when a selected field needs it.
LEAD_DERIVED = {"withConvertedDealId": ("convertedDealId", "convertedDeal")}
