from __future__ import annotations

import pytest

from graph_api.changes import CREATE, UPDATE, Change, record
from graph_api.store import Store, Tx


async def test_record_numbers_entries_and_skips_noops(store: Store) -> None:
    async def work(tx: Tx) -> list[int]:
        return await record(
            tx,
            "tester",
            [
                Change("Partner", "p1", CREATE, None, {"name": "A"}, ["p1"]),
                Change("Partner", "p1", UPDATE, {"name": "A"}, {"name": "A"}, ["p1"]),
                Change("Partner", "p2", UPDATE, {"name": "B"}, {"name": "C"}, ["p2"]),
            ],
        )

    first = await store.write(work)
    second = await store.write(work)
    assert len(first) == 2 and len(second) == 2
    assert second[0] == first[-1] + 1
    rows = await store.run_raw(
        "MATCH (c:Change) RETURN c.actor AS actor, c.changedFields AS f ORDER BY c.seq"
    )
    assert rows[1] == {"actor": "tester", "f": ["name"]}


async def test_rolled_back_write_records_nothing(store: Store) -> None:
    async def failing(tx: Tx) -> None:
        await record(tx, "tester", [Change("Partner", "p9", CREATE, None, {"name": "Z"})])
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await store.write(failing)
    rows = await store.run_raw("MATCH (c:Change) RETURN count(c) AS n")
    assert rows[0]["n"] == 0
