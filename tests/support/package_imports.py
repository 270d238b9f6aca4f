"""The app package's own import graph, read by parsing its modules (never importing them)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import graph_api

PACKAGE = Path(graph_api.__file__).parent


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
