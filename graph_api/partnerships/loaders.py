"""Named queries behind partnership lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import named

PARTNERSHIP_BY_IDS = named("queries/partnership_by_ids")
PARTNERSHIP_PAGE = named("queries/partnership_page")
PARTNERSHIP_DEALS = named("queries/partnership_deals")
PARTNERSHIP_ATTRIBUTIONS = named("queries/partnership_attributions")
PARTNERSHIP_REGISTRATIONS = named("queries/partnership_registrations")
PARTNERSHIP_LEADS = named("queries/partnership_leads")
