"""Batched, idempotent writes of validated records inside one write transaction.

For a batch of one record type the engine sends a fixed number of named
queries, whatever the batch size: resolve ids (only for rows without an id),
read the current state (nodes, references, whether referenced ids exist),
write the changed rows with one UNWIND statement, and append the change
entries. Unchanged rows send nothing and record nothing. Rows that fail a
check come back as errors and are not written; the others are.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph_api.ingest.matching import resolve_ids
from graph_api.ingest.nodes import apply_nodes
from graph_api.ingest.outcome import Outcome
from graph_api.ingest.relationships import apply_rels
from graph_api.ingest.spec import SPECS
from graph_api.store import Tx


def _rounds(items: list[tuple[int, Any]], key: Any) -> list[list[tuple[int, Any]]]:
    """Split so that no key repeats within a round (later duplicates see earlier writes)."""
    rounds: list[list[tuple[int, Any]]] = []
    seen: list[set[Any]] = []
    for item in items:
        k = key(item)
        for index, keys in enumerate(seen):
            if k not in keys:
                keys.add(k)
                rounds[index].append(item)
                break
        else:
            seen.append({k})
            rounds.append([item])
    return rounds


# -- entry point --------------------------------------------------------------------------


async def apply(
    tx: Tx,
    record_type: str,
    rows: list[dict[str, Any]],
    actor: str,
    at: datetime,
    pending_only: bool = False,
) -> list[Outcome]:
    """Upsert validated rows of one type; returns one Outcome per row, in order.

    ``pending_only`` (a partner writing Registrations) refuses, with Forbidden, any row
    whose registration exists and is no longer pending.
    """
    spec = SPECS[record_type]
    indexed = list(enumerate(rows))
    outcomes: list[Outcome] = [Outcome() for _ in rows]
    if spec.is_node:
        ids, conflicts = await resolve_ids(tx, spec, indexed)
        for i, conflict in conflicts.items():
            outcomes[i] = Outcome(error=conflict)
        valid = [item for item in indexed if item[0] not in conflicts]
        for chunk in _rounds(valid, lambda item: ids[item[0]][0]):
            await apply_nodes(tx, spec, chunk, ids, outcomes, actor, at)
    else:
        a, b = spec.endpoints
        if record_type == "ResellsFor":
            chunks = [[item] for item in indexed]  # each edge sees the ones before it
        else:
            chunks = _rounds(indexed, lambda item: (item[1][a], item[1][b]))
        for chunk in chunks:
            await apply_rels(tx, spec, chunk, outcomes, actor, at, pending_only)
    return outcomes
