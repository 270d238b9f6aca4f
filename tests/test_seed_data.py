"""The demo dataset and the synthetic generator, loaded into the real store."""

from __future__ import annotations

import json
from collections import Counter

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.seeding import DEMO_FILE, demo_rows, load_demo, seed_demo_if_empty
from graph_api.store import Store
from graph_api.synthetic.records import synthetic_records, synthetic_rows
from tests.support.commands import store_cli
from tests.support.ingest import changes, count, nodes


async def label_count(store: Store, label: str) -> int:
    rows = await store.run_raw(
        "MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n", {"label": label}
    )
    return int(rows[0]["n"])


def test_demo_file_is_curated_and_small() -> None:
    assert DEMO_FILE.stat().st_size < 400_000
    types = Counter(record["type"] for _, record in demo_rows())
    assert 35 <= types["Partner"] <= 45
    assert types["Customer"] == 150
    assert types["Deal"] == 300
    for record_type in ingest.RECORD_TYPES:
        assert types[record_type] > 0, record_type


async def test_demo_loads_completely_and_idempotently(store: Store) -> None:
    summary = await seed_demo_if_empty(store)
    assert summary is not None and "0 rejected" in summary
    assert await label_count(store, "Partner") == 39
    assert await label_count(store, "Customer") == 150
    assert await label_count(store, "Deal") == 300
    # Both stories: a distribution chain at least three tiers deep, co-sold deals,
    # registrations, converted leads, consent at every level.
    deep = await count(
        store,
        "MATCH path = (:Partner)-[:RESELLS_FOR*3..]->(top:Partner) "
        "WHERE NOT (top)-[:RESELLS_FOR]->() RETURN count(path) AS n",
    )
    assert deep == 1  # Granite Peak IT -> Harborview -> Cascade -> Northstar
    cosold = await count(
        store,
        "MATCH (d:Deal)<-[:ATTRIBUTED]-(ps:Partnership) WITH d, count(ps) AS k WHERE k >= 2 "
        "RETURN count(d) AS n",
    )
    assert cosold == 131
    assert await count(store, "MATCH ()-[r:REGISTERED]->() RETURN count(r) AS n") == 122
    assert await count(store, "MATCH (:Lead)-[:CONVERTED_TO]->(:Deal) RETURN count(*) AS n") == 50
    levels = await store.run_raw(
        "MATCH ()-[r:SHARES_WITH]->() RETURN DISTINCT r.level AS level ORDER BY level"
    )
    assert [r["level"] for r in levels] == ["counts", "full", "overlaps"]
    kinds = await store.run_raw("MATCH (p:Partner) RETURN DISTINCT p.kind AS k ORDER BY k")
    assert [r["k"] for r in kinds] == [
        "dealer",
        "distributor",
        "integrator",
        "msp",
        "referral",
        "reseller",
        "service",
        "technology",
    ]

    state = (await nodes(store), len(await changes(store)))
    assert await seed_demo_if_empty(store) is None  # not empty any more
    again = await load_demo(store)
    assert (again.changed, len(again.rejected)) == (0, 0)
    assert (await nodes(store), len(await changes(store))) == state


def test_synthetic_records_are_deterministic() -> None:
    first = list(synthetic_records(12, seed=7))
    assert first == list(synthetic_records(12, seed=7))
    assert first != list(synthetic_records(12, seed=8))
    types = Counter(record["type"] for record in first)
    assert types["Partner"] == 12
    assert types["Customer"] == 240
    assert types["Deal"] == 600
    assert json.loads(json.dumps(first)) == first  # plain JSON, the import format


def test_synthetic_sizes_can_be_given() -> None:
    types = Counter(r["type"] for r in synthetic_records(3, seed=1, customers=10, deals=20))
    assert (types["Partner"], types["Customer"], types["Deal"]) == (3, 10, 20)


async def test_synthetic_dataset_imports_without_rejections(store: Store) -> None:
    report = await ingest.import_records(store, synthetic_rows(5, seed=3), "seed", batch_size=200)
    assert report.rejected == []
    assert report.accepted == sum(1 for _ in synthetic_records(5, seed=3))
    assert await label_count(store, "Deal") == 250
    again = await ingest.import_records(store, synthetic_rows(5, seed=3), "seed", batch_size=200)
    assert again.changed == 0


async def test_seed_command_scale(store: Store, migrated: Connection) -> None:
    result = store_cli(["seed", "--scale", "2", "--seed", "5", "--batch-size", "100"], migrated)
    assert result.returncode == 0, result.stderr
    assert "0 rejected" in result.stdout
    assert await label_count(store, "Partner") == 2
    assert await label_count(store, "Customer") == 40
    assert await label_count(store, "Deal") == 100
    assert "seeding scale 2" in result.stderr
