"""Named queries behind goal lookups and lists."""

from __future__ import annotations

from graph_api.cypher import named

GOAL_BY_IDS = named("queries/goal_by_ids")
GOAL_PAGE = named("queries/goal_page")
