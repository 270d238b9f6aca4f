"""Fixture graphs: what tests wipe and load."""

from __future__ import annotations

from tests.support.statements import support_query

WIPE = support_query("wipe_graph")
