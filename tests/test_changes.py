from __future__ import annotations

import pytest

from graph_api.changes import CREATE, UPDATE, Change, record
from graph_api.store import Store, Tx, request_counter
from tests.support.statements import support_query


async def test_record_numbers_entries_and_skips_noops(store: Store) -> None:
    async def work(tx: Tx) -> None:
        await record(
            tx,
            "tester",
            [
                Change("Partner", "p1", CREATE, None, {"name": "A"}, ["p1"]),
                Change("Partner", "p1", UPDATE, {"name": "A"}, {"name": "A"}, ["p1"]),
                Change("Partner", "p2", UPDATE, {"name": "B"}, {"name": "C"}, ["p2"]),
            ],
        )

    await store.write(work)
    await store.write(work)
    rows = await store.run_raw(
        "MATCH (c:Change) RETURN c.seq AS seq, c.actor AS actor, c.changedFields AS f, "
        "c.entityId AS entity ORDER BY c.seq"
    )
    # Two entries per write (the no-op update is skipped), numbered densely.
    assert [(r["seq"], r["entity"]) for r in rows] == [(1, "p1"), (2, "p2"), (3, "p1"), (4, "p2")]
    assert {k: rows[1][k] for k in ("actor", "f")} == {"actor": "tester", "f": ["name"]}


async def test_entries_are_the_transactions_last_statement(store: Store) -> None:
    """Numbering waits for commit time, so the shared counter is held for one statement."""

    async def work(tx: Tx) -> None:
        await record(tx, "tester", [Change("Partner", "p1", CREATE, None, {"name": "A"})])
        await record(tx, "tester", [Change("Partner", "p2", CREATE, None, {"name": "B"})])
        await tx.run(support_query("graph_counts"))

    counter = request_counter(track_names=True)
    await store.write(work)
    assert counter.names == ["tests/graph_counts", "queries/change_record"]
    rows = await store.run_raw("MATCH (c:Change) RETURN c.seq AS seq ORDER BY seq")
    assert [r["seq"] for r in rows] == [1, 2]


async def test_rolled_back_write_records_nothing(store: Store) -> None:
    async def failing(tx: Tx) -> None:
        await record(tx, "tester", [Change("Partner", "p9", CREATE, None, {"name": "Z"})])
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await store.write(failing)
    rows = await store.run_raw("MATCH (c:Change) RETURN count(c) AS n")
    assert rows[0]["n"] == 0
