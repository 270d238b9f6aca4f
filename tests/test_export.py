"""graph-api export: the whole graph as an import file, restored by graph-api import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_api import ingest
from graph_api.embedded import Connection
from graph_api.seeding import SEED_ACTOR, load_demo
from graph_api.store import Store
from graph_api.synthetic.records import synthetic_rows
from tests.support.commands import store_cli
from tests.support.dumps import canonical_dump
from tests.support.embedded import embedded_cli, opened, running
from tests.support.statements import support_query

WIPE = support_query("wipe_graph")


async def _round_trip(store: Store, connection: Connection, tmp_path: Path) -> list[str]:
    before = await canonical_dump(store)
    assert before["nodes"] and before["relationships"]
    out = tmp_path / "graph.jsonl"
    exported = store_cli(["export", "--out", str(out), "--with-changes"], connection)
    assert exported.returncode == 0, exported.stderr
    assert "exporting" in exported.stderr  # progress
    lines = out.read_text(encoding="utf-8").splitlines()
    await store.write_query(WIPE)
    assert (await canonical_dump(store))["nodes"] == []
    imported = store_cli(["import", str(out)], connection)
    assert imported.returncode == 0, imported.stderr
    after = await canonical_dump(store)
    assert after["nodes"] == before["nodes"]
    assert after["relationships"] == before["relationships"]
    return lines


async def test_demo_graph_survives_export_and_import(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    await load_demo(store)
    # A user's edit after loading, so the export carries more than the seed file did.
    await ingest.upsert(store, "Deal", {"id": "deal-001", "amount": 123456.5}, "alice")
    lines = await _round_trip(store, migrated, tmp_path)
    types = [json.loads(line)["type"] for line in lines]
    assert set(ingest.RECORD_TYPES) <= set(types)
    changes = [json.loads(line) for line in lines if '"type":"Change"' in line]
    assert changes and changes[-1]["actor"] == "alice"
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)


@pytest.mark.slow
async def test_synthetic_graph_survives_export_and_import(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    """The `seed --scale 50` dataset: 50 partners, about 5,300 nodes and 9,700 relationships."""
    report = await ingest.import_records(store, synthetic_rows(50, 7), SEED_ACTOR)
    assert not report.rejected
    lines = await _round_trip(store, migrated, tmp_path)
    assert len(lines) > 10_000


async def test_export_refuses_a_directory_and_writes_nothing_partial(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    result = store_cli(["export", "--out", str(tmp_path)], migrated)
    assert result.returncode == 1
    assert "is not a file" in result.stderr
    assert list(tmp_path.iterdir()) == []


async def test_graph_moves_from_an_embedded_store_to_the_configured_one(
    store: Store, migrated: Connection, tmp_path: Path
) -> None:
    """embedded store -> file -> the store at NEO4J_URI (Neo4j in production): one path."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps(r) + "\n" for _, r in synthetic_rows(2, 11)), encoding="utf-8"
    )
    local = tmp_path / "local"
    loaded = embedded_cli("import", str(feed), "--data-dir", str(local))
    assert loaded.returncode == 0, loaded.stderr
    out = tmp_path / "move.jsonl"
    exported = embedded_cli("export", "--out", str(out), "--data-dir", str(local))
    assert exported.returncode == 0, exported.stderr
    imported = store_cli(["import", str(out)], migrated)  # NEO4J_URI: the test store
    assert imported.returncode == 0, imported.stderr
    with running(local) as connection:
        async with opened(connection) as source:
            assert await canonical_dump(store) == await canonical_dump(source)
