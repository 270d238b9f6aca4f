"""The runtime's plumbing imports no circle: counting statements needs neither the
store nor the log, and the log needs neither the store nor the metrics.

Modules are parsed, not imported, and followed through the package's own imports.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import graph_api

PACKAGE = Path(graph_api.__file__).parent
MODULES = {
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
    for p in PACKAGE.rglob("*.py")
}
PLUMBING = ["graph_api.round_trips", "graph_api.store", "graph_api.logs", "graph_api.metrics"]


@cache
def direct_imports(module: str) -> frozenset[str]:
    """The package's modules that ``module`` imports (the package uses absolute imports)."""
    named: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text())):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            named.add(node.module)
            named.update(f"{node.module}.{alias.name}" for alias in node.names)
    # Importing graph_api.a.b runs graph_api.a too.
    found = {
        prefix
        for name in named
        for i in range(1, name.count(".") + 2)
        if (prefix := ".".join(name.split(".")[:i])) in MODULES
    }
    return frozenset(found - {module})


def reached(module: str) -> set[str]:
    seen: set[str] = set()
    todo = [module]
    while todo:
        for name in direct_imports(todo.pop()):
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return seen


@pytest.mark.parametrize("module", PLUMBING)
def test_no_import_leads_back(module: str) -> None:
    assert module not in reached(module)


def test_round_trip_counting_needs_neither_store_nor_log_nor_metrics() -> None:
    assert reached("graph_api.round_trips") & set(PLUMBING) == set()


def test_the_check_follows_indirect_imports() -> None:
    # The app never imports round_trips itself: the store and the log do.
    assert {"graph_api.store", "graph_api.round_trips"} <= reached("graph_api.app")
