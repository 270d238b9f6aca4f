"""graph-api seed refuses to revert users' edits of demo records unless --force."""

from __future__ import annotations

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.seeding import load_demo
from graph_api.store import Store
from tests.support.commands import store_cli


async def _amount(store: Store) -> float:
    rows = await store.run_raw("MATCH (d:Deal {id: 'deal-001'}) RETURN d.amount AS amount")
    return float(rows[0]["amount"])


async def test_seed_refuses_to_overwrite_edited_demo_records(
    store: Store, migrated: Connection
) -> None:
    await load_demo(store)
    await ingest.upsert(store, "Deal", {"id": "deal-001", "amount": 1.5}, "alice")
    await ingest.upsert(
        store, "Partner", {"id": "partner-northstar-distribution", "tier": "registered"}, "bob"
    )
    await ingest.upsert(  # not a demo record: never in the way
        store, "Partner", {"id": "partner-new", "name": "New", "kind": "reseller"}, "bob"
    )

    refused = store_cli(["seed"], migrated)
    assert refused.returncode == 1, refused.stderr
    assert "2 record(s) of the demo dataset were changed" in refused.stderr
    assert "deal-001" in refused.stderr and "partner-northstar-distribution" in refused.stderr
    assert "partner-new" not in refused.stderr
    assert "--force" in refused.stderr
    assert await _amount(store) == 1.5  # nothing written

    forced = store_cli(["seed", "--force"], migrated)
    assert forced.returncode == 0, forced.stderr
    assert await _amount(store) == 8600.0

    # Seeded again after --force: nothing is newer than the seed, so no refusal.
    again = store_cli(["seed"], migrated)
    assert again.returncode == 0, again.stderr
