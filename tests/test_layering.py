"""Reads do not pull in the write path: types, queries and read plumbing never import it.

Modules are parsed, not imported, and followed through the package's own imports,
so an indirect import (a type importing a module that imports ``writing``) fails too.
``authz`` holds the rules of reads (whose webhook endpoints a caller lists) as well
as of writes, so reads call it, and it must not reach the write path either.
"""

from __future__ import annotations

import pytest

from tests.support.package_imports import MODULES, reached

WRITE_PATH = ("graph_api.writing", "graph_api.ingest")
READING = ("graph_api.reading", "graph_api.values", "graph_api.selection", "graph_api.pagination")


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
