"""Reads do not pull in the write path: types, queries and read plumbing never import it.

Modules are parsed, not imported, and followed through the package's own imports,
so an indirect import (a type importing a module that imports ``writing``) fails too.
``authz`` holds the rules of reads (whose webhook endpoints a caller lists) as well
as of writes, so reads call it, and it must not reach the write path either.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import graph_api

PACKAGE = Path(graph_api.__file__).parent
WRITE_PATH = ("graph_api.writing", "graph_api.ingest")
READING = ("graph_api.reading", "graph_api.values", "graph_api.selection", "graph_api.pagination")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _resolve(base: str, level: int, name: str | None, is_package: bool) -> str:
    parts = base.split(".")
    anchor = parts if is_package else parts[:-1]
    anchor = anchor[: len(anchor) - (level - 1)] if level > 1 else anchor
    return ".".join([*anchor, *([name] if name else [])])


@cache
def direct_imports(module: str) -> frozenset[str]:
    """The package's modules that ``module`` imports (``from m import x``: m, or m.x
    when x is a module)."""
    path = MODULES[module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _resolve(module, node.level, node.module, path.name == "__init__.py")
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    inside = set()
    for name in found:
        # importing graph_api.a.b runs graph_api.a too
        parts = name.split(".")
        inside.update(
            ".".join(parts[:i]) for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in MODULES
        )
    return frozenset(inside - {module})


def reached(module: str) -> dict[str, str]:
    """Every package module ``module`` imports, directly or not, each with who imports it."""
    seen: dict[str, str] = {}
    todo = [module]
    while todo:
        current = todo.pop()
        for name in direct_imports(current):
            if name not in seen and name != module:
                seen[name] = current
                todo.append(name)
    return seen


def forbidden(module: str) -> list[str]:
    via = reached(module)
    return sorted(f"{name} (imported by {via[name]})" for name in via if in_write_path(name))


def in_write_path(name: str) -> bool:
    return any(name == w or name.startswith(w + ".") for w in WRITE_PATH)


# The write path's own modules (ingest.queries, ...) may import each other.
READ_MODULES = sorted(
    name
    for name in MODULES
    if not in_write_path(name)
    and (name in READING or name.endswith((".types", ".statements", ".queries")))
)


def test_the_read_modules_are_found() -> None:
    assert {"graph_api.reading", "graph_api.values", "graph_api.deals.types"} <= set(READ_MODULES)
    assert sum(name.endswith(".types") for name in READ_MODULES) >= 8


@pytest.mark.parametrize("module", READ_MODULES)
def test_read_module_does_not_import_the_write_path(module: str) -> None:
    assert forbidden(module) == []


def test_the_check_sees_an_indirect_import() -> None:
    # The mutations write: the check must see writing and, through it, ingest.
    found = forbidden("graph_api.partners.mutations")
    assert any(f.startswith("graph_api.writing ") for f in found)
    assert any(f.startswith("graph_api.ingest ") for f in found)


def test_the_authorization_rules_do_not_import_the_write_path() -> None:
    assert forbidden("graph_api.authz") == []
