"""The runtime's plumbing imports no circle: counting statements needs neither the
store nor the log, and the log needs neither the store nor the metrics."""

from __future__ import annotations

import pytest

from tests.support.package_imports import direct_imports, reached

PLUMBING = ["graph_api.round_trips", "graph_api.store", "graph_api.logs", "graph_api.metrics"]


@pytest.mark.parametrize("module", PLUMBING)
def test_no_import_leads_back(module: str) -> None:
    circles = sorted(name for name in direct_imports(module) if module in reached(name))
    assert circles == []


def test_round_trip_counting_needs_neither_store_nor_log_nor_metrics() -> None:
    assert set(reached("graph_api.round_trips")) & set(PLUMBING) == set()
