"""Named queries behind contact lookups and lists."""

from __future__ import annotations

from graph_api.cypher import named

CONTACT_BY_IDS = named("queries/contact_by_ids")
CONTACT_PAGE = named("queries/contact_page")
