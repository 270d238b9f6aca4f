"""The named statements of the write path, one set per record type.

Node types: resolve (ids of rows given without one), state (current node,
references, partners concerned), write (one UNWIND upsert), create (rows
found absent), delete_check and delete. Relationship types: state, write and unlink.
"""

from __future__ import annotations

from graph_api.cypher import NamedQuery, named
from graph_api.ingest.spec import NODE_TYPES, RELATIONSHIP_TYPES


def _queries(record_type: str, *kinds: str) -> dict[str, NamedQuery]:
    return {k: named(f"queries/ingest_{record_type.lower()}_{k}") for k in kinds}


NODE_QUERIES = {
    t: _queries(t, "resolve", "state", "write", "create", "delete_check", "delete")
    for t in NODE_TYPES
}
REL_QUERIES = {t: _queries(t, "state", "write", "unlink") for t in RELATIONSHIP_TYPES}
