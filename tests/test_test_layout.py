"""The test suite's own layout: tests import helpers from tests/support/, never from
another test module (or conftest), and every top-level file under tests/ is a test module."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(TESTS.parent).with_suffix("").parts)


def _is_test_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return name.startswith("tests.") and (last.startswith("test_") or last == "conftest")


def imported_modules(source: str, module: str) -> list[str]:
    """Every module ``source`` (the text of ``module``) imports, relative ones resolved."""
    package = module.rsplit(".", 1)[0]
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.append(base)
            # ``from tests import test_x`` names a module in its alias.
            found.extend(f"{base}.{alias.name}" for alias in node.names)
    return found


def imports_of_test_modules(source: str, module: str) -> list[str]:
    return [name for name in imported_modules(source, module) if _is_test_module(name)]


def test_no_test_module_imports_another_test_module() -> None:
    offenders = {
        _module_name(path): found
        for path in sorted(TESTS.rglob("*.py"))
        if (found := imports_of_test_modules(path.read_text(), _module_name(path)))
    }
    assert offenders == {}, "import shared helpers from tests/support/ instead"


def test_the_import_check_sees_every_spelling() -> None:
    module = "tests.test_here"
    spellings = [
        "from tests.test_ingest_upsert import base",
        "from tests import test_ide_assets",
        "import tests.test_cli",
        "from .test_export import canonical_dump",
        "from . import test_hostile",
        "from tests.conftest import LiveServer",
        "def f():\n    from tests.test_isolation import strings\n",
    ]
    for source in spellings:
        assert imports_of_test_modules(source, module), source
    allowed = [
        "from tests.support.ingest import base",
        "from tests.support import isolation as fx",
        "from .support.servers import LiveServer",
        "import graph_api.testing_tools",
    ]
    for source in allowed:
        assert imports_of_test_modules(source, module) == [], source


def test_shared_helpers_live_in_the_support_package() -> None:
    top_level = {path.name for path in TESTS.glob("*.py")}
    strays = sorted(
        name for name in top_level - {"__init__.py", "conftest.py"} if not name.startswith("test_")
    )
    assert strays == [], "helpers belong in tests/support/"
    support = {path.name for path in (TESTS / "support").glob("*.py")}
    assert not {name for name in support if name.startswith("test_")}, "no tests in support/"
