"""Named Cypher statements of campaigns."""

from __future__ import annotations

from graph_api.cypher import named

CAMPAIGN_EFFECTIVENESS = named("queries/campaign_effectiveness")
