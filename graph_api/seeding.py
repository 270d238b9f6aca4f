"""Demo data and synthetic datasets (filled in by the seed module)."""

from __future__ import annotations

from graph_api.store import Store


async def seed_demo_if_empty(store: Store) -> str | None:
    """Load the demo dataset when the graph holds no partners; return a summary or None."""
    return None
