"""Fixture graphs: what tests wipe and load."""

from __future__ import annotations

from graph_api.cypher import named

WIPE = named("queries/test_wipe_graph")
