"""Whole-graph dumps that compare two graphs by content."""

from __future__ import annotations

import json
from typing import Any

from graph_api.exporting import plain
from graph_api.store import Store

# The store's own nodes, not part of the partner graph: migration records, the
# change log and its counter. createdAt/updatedAt are stamped by whoever writes.
BOOKKEEPING_LABELS = {"Migration", "Change", "Sequence", "WebhookEndpoint", "Delivery", "Lease"}


STAMPS = {"createdAt", "updatedAt"}


def _canonical(props: dict[str, Any], stamps: bool) -> str:
    kept = {k: plain(v) for k, v in props.items() if stamps or k not in STAMPS}
    return json.dumps(kept, sort_keys=True)


async def canonical_dump(store: Store, stamps: bool = False) -> dict[str, list[Any]]:
    """Every node (labels + properties) and relationship (type, both ends' ids,
    properties) of the partner graph, sorted, so two graphs compare by content."""
    nodes = await store.run_raw("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = await store.run_raw(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS fromId, "
        "labels(b) AS toLabels, b.id AS toId, properties(r) AS props"
    )
    return {
        "nodes": sorted(
            (sorted(n["labels"]), _canonical(n["props"], stamps))
            for n in nodes
            if not BOOKKEEPING_LABELS & set(n["labels"])
        ),
        "relationships": sorted(
            (r["type"], r["fromId"], r["toId"], _canonical(r["props"], stamps))
            for r in rels
            if not BOOKKEEPING_LABELS & (set(r["fromLabels"]) | set(r["toLabels"]))
        ),
    }
