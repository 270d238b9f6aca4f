"""Cypher only the tests send (wiping and counting the graph): ``tests/cypher/*.cypher``."""

from __future__ import annotations

from pathlib import Path

from graph_api.cypher import NamedQuery, load_file

FOLDER = Path(__file__).resolve().parent.parent / "cypher"


def support_query(name: str) -> NamedQuery:
    """``tests/cypher/<name>.cypher``, named ``tests/<name>``."""
    return load_file(FOLDER / f"{name}.cypher", f"tests/{name}")
