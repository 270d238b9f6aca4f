"""Named Cypher statements of leaderboards (and challenge progress)."""

from __future__ import annotations

from graph_api.cypher import named

STANDINGS = named("queries/leaderboard_standings")
