"""Named queries behind program lookups, lists and nested fields."""

from __future__ import annotations

from graph_api.cypher import named

PROGRAM_BY_IDS = named("queries/program_by_ids")
PROGRAM_PAGE = named("queries/program_page")
PROGRAM_PARTNERSHIPS = named("queries/program_partnerships")
