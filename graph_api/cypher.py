"""Named Cypher statements, loaded once from the ``cypher/`` folder.

Every statement the app sends lives in a ``.cypher`` file. Modules declare the
ones they use at import time with :func:`named`, so a missing file fails at
start-up rather than on the first request, and ``cypher/`` lists every query.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph_api.datafiles import data_dir

CYPHER_DIR = data_dir("cypher")


@dataclass(frozen=True)
class NamedQuery:
    name: str  # path below cypher/, without the suffix, e.g. "queries/partner_by_id"
    text: str

    def __str__(self) -> str:
        return self.name


_loaded: dict[str, NamedQuery] = {}


def named(name: str) -> NamedQuery:
    """Load ``cypher/<name>.cypher`` once and return it as a named object."""
    if name in _loaded:
        return _loaded[name]
    query = load_file(CYPHER_DIR / f"{name}.cypher", name)
    _loaded[name] = query
    return query


def load_file(path: Path, name: str) -> NamedQuery:
    """One statement file as a named object (not recorded as one the app sends)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuntimeError(f"named query {name!r} has no file at {path}") from exc
    return NamedQuery(name=name, text=_strip_comments(text))


def _strip_comments(text: str) -> str:
    """Drop whole-line ``//`` comments; the files are documented, the wire needn't be."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip().rstrip(";")


def loaded() -> dict[str, NamedQuery]:
    return dict(_loaded)
