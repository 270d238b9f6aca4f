"""Which stored node a row given without an id names (or which conflicts with it)."""

from __future__ import annotations

import uuid
from typing import Any

from graph_api.errors import Conflict
from graph_api.ingest.declarations import Spec
from graph_api.ingest.statements import NODE_QUERIES
from graph_api.store import Tx


async def resolve_ids(
    tx: Tx, spec: Spec, items: list[tuple[int, dict[str, Any]]]
) -> tuple[dict[int, tuple[str, bool]], dict[int, Conflict]]:
    """Row index -> (id, matched by natural key), and the rows whose source key is taken.

    Rows without an id reuse an existing node: by source key, then by natural
    key (a Partner's or Customer's domain; a Partnership's partner and program
    when no source key is given, as a partner joins a program once). A row
    with an id whose sourceSystem + externalId already identify another node
    is a conflict: one record in a source system is one node.
    """
    ids: dict[int, tuple[str, bool]] = {}
    has_domain = spec.has_domain
    keys = []
    for i, data in items:
        by_id = "id" in data
        if by_id:
            ids[i] = (data["id"], False)
        natural = natural_key(spec, data)
        if "sourceSystem" in data or natural is not None:
            keys.append(
                {
                    "i": i,
                    "sourceSystem": data.get("sourceSystem"),
                    "externalId": data.get("externalId"),
                    "domain": data.get("domain") if has_domain and not by_id else None,
                    **{
                        name: data.get(name) if natural is not None else None
                        for name in spec.natural_refs
                    },
                }
            )
    by_source: dict[int, set[str]] = {}
    by_domain: dict[int, set[str]] = {}
    if keys:
        for row in await tx.run(NODE_QUERIES[spec.record_type]["resolve"], keys=keys):
            if row["bySource"] is not None:
                by_source.setdefault(row["i"], set()).add(row["bySource"])
            if row["byDomain"] is not None:
                by_domain.setdefault(row["i"], set()).add(row["byDomain"])
    conflicts: dict[int, Conflict] = {}
    # Rows of this batch that share a source key or natural key become one node too.
    fresh: dict[tuple[str, Any], str] = {}
    for i, data in items:
        source_key = ("source", (data.get("sourceSystem"), data.get("externalId")))
        domain_key = ("natural", natural_key(spec, data))
        sources = by_source.get(i, set())
        if i in ids:
            own = ids[i][0]
            owner = None
            if "sourceSystem" in data:
                if sources and own not in sources:
                    owner = min(sources)
                elif fresh.get(source_key, own) != own:
                    owner = fresh[source_key]
            if owner is not None:
                conflicts[i] = Conflict(
                    f"sourceSystem {data['sourceSystem']!r} externalId {data['externalId']!r} "
                    f"already identify {spec.record_type} {owner!r}, not {own!r}"
                )
        elif sources:
            ids[i] = (min(sources), False)
        elif by_domain.get(i):
            ids[i] = (min(by_domain[i]), True)
        elif "sourceSystem" in data and source_key in fresh:
            ids[i] = (fresh[source_key], False)
        elif domain_key[1] and domain_key in fresh:
            ids[i] = (fresh[domain_key], True)
        else:
            ids[i] = (uuid.uuid4().hex, False)
        if "sourceSystem" in data:
            fresh.setdefault(source_key, ids[i][0])
        if domain_key[1] and "id" not in data:
            fresh.setdefault(domain_key, ids[i][0])
    return ids, conflicts


def natural_key(spec: Spec, data: dict[str, Any]) -> Any:
    """What else identifies a row given without an id, or None."""
    if "id" in data:
        return None
    if spec.has_domain:
        return data.get("domain")
    refs = spec.natural_refs
    if refs and "sourceSystem" not in data and all(data.get(name) for name in refs):
        return tuple(data[name] for name in refs)
    return None
