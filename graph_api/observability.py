"""Report Cypher round trips per request in the GraphQL response extensions.

Tests and ``graph-api bench`` read ``extensions.cypherRoundTrips`` to check
that nesting costs one statement per level, not one per parent.
"""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension


class RoundTripReport(SchemaExtension):
    def get_results(self) -> dict[str, Any]:
        counter = getattr(self.execution_context.context, "round_trips", None)
        if counter is None:
            return {}
        return {"cypherRoundTrips": counter.count}
