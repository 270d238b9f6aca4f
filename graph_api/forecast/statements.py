"""Named Cypher statements of the forecast."""

from __future__ import annotations

from graph_api.cypher import named

FORECAST_HISTORY = named("queries/forecast_history")
