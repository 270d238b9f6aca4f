"""Fixture graphs, loaded through the same ingest path an import takes.

A fixture is a list of *waves*: each wave is one import of records (dicts with a
``type`` field, as in a JSON Lines import file). The ingest path validates and
normalises every record, stamps ``createdAt``/``updatedAt`` and writes the change
log, exactly as for a user's import. Records of a later wave are created later,
so a fixture orders ``createdAt`` by putting records in successive waves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graph_api import ingest
from graph_api.store import Store
from tests.support.statements import support_query

WIPE = support_query("wipe_graph")
COUNTS = support_query("graph_counts")
FIXTURE_ACTOR = "fixture"

Record = dict[str, Any]


def record(type_: str, **fields: Any) -> Record:
    """One import record; ``None`` fields are left out (as an import file omits them)."""
    return {"type": type_, **{k: v for k, v in fields.items() if v is not None}}


async def load(store: Store, waves: Sequence[Sequence[Record]]) -> None:
    """Import each wave in turn; every record must be accepted."""
    for wave in waves:
        report = await ingest.import_records(
            store, enumerate(wave, start=1), FIXTURE_ACTOR, batch_size=len(wave) or 1
        )
        rejected = [(e.line, wave[e.line - 1], e.reason) for e in report.rejected]
        assert rejected == [], rejected
        assert report.accepted == len(wave)


@dataclass
class _Kept:
    """Which fixture graph the store holds, and its size right after it was built."""

    name: str | None = None
    counts: tuple[int, int] | None = None


_kept = _Kept()


def forget_shared() -> None:
    """The graph was wiped or changed: the next shared() builds again."""
    _kept.name = None


async def _counts(store: Store) -> tuple[int, int]:
    row = await store.read_one(COUNTS)
    assert row is not None
    return int(row["nodes"]), int(row["rels"])


async def shared(store: Store, name: str, build: Callable[[Store], Awaitable[None]]) -> None:
    """Make the store hold the fixture graph ``name``, building it only when needed.

    Tests that only read share one build. The graph is kept when this fixture was the
    last one built and the store still holds as many nodes and relationships as right
    after: every write through the app or ingest adds a change-log entry, so a test
    that wrote leaves other counts and the next test gets a fresh build; the
    ``store`` fixture, which wipes, forgets it outright.
    """
    if _kept.name == name and _kept.counts == await _counts(store):
        return
    forget_shared()
    await store.write_query(WIPE)
    await build(store)
    _kept.name, _kept.counts = name, await _counts(store)
