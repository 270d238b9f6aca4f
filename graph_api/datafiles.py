"""Where the project's data folders (``cypher/``, ``seed/``, ``schema/``) are.

In a checkout (and an editable install) they sit at the top level, next to
``graph_api/``, where the docs and analysts find them. A built wheel carries
copies inside the package, under ``graph_api/_data/`` (pyproject.toml maps
them there), because an installed package has no checkout beside it.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
BUNDLED = _PACKAGE / "_data"  # only exists in an installed wheel


def data_dir(name: str) -> Path:
    """The folder ``name`` (cypher, seed, schema): the bundled copy, else the checkout's."""
    bundled = BUNDLED / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name
