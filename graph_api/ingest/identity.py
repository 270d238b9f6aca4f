"""Which record an import row names, so that a second run of the same import
changes nothing.

A node row without an id, a source key or a natural key would create another
node on every run; one record given twice with different values would be
rewritten twice on every run. An import refuses both kinds of row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph_api.ingest.declarations import Spec
from graph_api.ingest.matching import natural_key
from graph_api.ingest.spec import SPECS

REPEAT = (
    "{record} is already on {first} with other values; give each record once "
    "(a repeat that differs would rewrite it on every run)"
)


def row_key(spec: Spec, data: dict[str, Any]) -> tuple[Any, ...] | None:
    """The key the write path finds this row's record by, or None when nothing does."""
    if not spec.is_node:
        a, b = spec.endpoints
        return ("ends", data.get(a), data.get(b))
    if "id" in data:
        return ("id", data["id"])
    if "sourceSystem" in data:
        return ("source", data["sourceSystem"], data.get("externalId"))
    natural = natural_key(spec, data)
    return None if natural is None else ("natural", natural)


def no_identity(spec: Spec) -> str:
    keys = "sourceSystem and externalId"
    if spec.has_domain:
        keys += ", or domain,"
    elif spec.natural_refs:
        keys += f", or {' and '.join(spec.natural_refs)},"
    return (
        f"id: is required in an import unless {keys} identify the row; "
        f"without one, every run would create another {spec.record_type}"
    )


def _describe(spec: Spec, key: tuple[Any, ...]) -> str:
    kind, *parts = key
    if kind == "id":
        return f"{spec.record_type} {parts[0]!r}"
    if kind == "source":
        return f"{spec.record_type} sourceSystem {parts[0]!r} externalId {parts[1]!r}"
    if kind == "ends":
        return f"{spec.record_type} {parts[0]!r}->{parts[1]!r}"
    natural = parts[0]
    if isinstance(natural, tuple):
        return f"{spec.record_type} partnerId {natural[0]!r} programId {natural[1]!r}"
    return f"{spec.record_type} domain {natural!r}"


class SeenRows:
    """The first line of every record in one import, with a digest of its values.

    Only a digest is kept, so that imports of millions of rows stay small.
    """

    def __init__(self, where: Callable[[int], str]) -> None:
        self.where = where
        self.first: dict[tuple[str, tuple[Any, ...]], tuple[int, int]] = {}

    def refuse(self, record_type: str, data: dict[str, Any], line: int) -> str | None:
        """Why this validated row cannot be imported idempotently, or None to accept it."""
        spec = SPECS[record_type]
        key = row_key(spec, data)
        if key is None:
            return no_identity(spec)
        digest = hash(frozenset(data.items()))
        first = self.first.setdefault((record_type, key), (line, digest))
        if first[1] != digest:
            return REPEAT.format(record=_describe(spec, key), first=self.where(first[0]))
        return None
