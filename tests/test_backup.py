"""graph-api backup / restore: a consistent copy of a running embedded store."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from graph_api import ingest
from graph_api.migrations import migrate
from graph_api.seeding import SEED_ACTOR
from graph_api.store import Store
from graph_api.synthetic.records import synthetic_rows
from tests.support.dumps import canonical_dump
from tests.support.embedded import embedded_cli, opened, running


async def _writer(store: Store, stop: asyncio.Event, written: list[str]) -> None:
    """Deals written one transaction each, in order, until told to stop."""
    while not stop.is_set():
        deal = f"deal-w-{len(written):04d}"
        await ingest.upsert(store, "Deal", {"id": deal, "name": deal, "amount": 1.0}, "writer")
        written.append(deal)


async def test_backup_while_serving_and_restore(tmp_path: Path) -> None:
    source, restored = tmp_path / "source", tmp_path / "restored"
    during, after = tmp_path / "backup-during", tmp_path / "backup-after"
    with running(source) as connection:
        async with opened(connection) as store:
            await migrate(store)
            report = await ingest.import_records(store, synthetic_rows(2, 5), SEED_ACTOR)
            assert not report.rejected
            stop, written = asyncio.Event(), []
            writer = asyncio.create_task(_writer(store, stop, written))
            while len(written) < 3:  # writes are under way
                await asyncio.sleep(0.05)
            taken = await asyncio.to_thread(
                embedded_cli, "backup", str(during), "--data-dir", str(source)
            )
            so_far = len(written)
            while len(written) < so_far + 2:  # and go on after the snapshot
                await asyncio.sleep(0.05)
            stop.set()
            await writer
            assert taken.returncode == 0, taken.stderr
            assert sorted(p.name for p in during.iterdir()) == ["backup.json", "neo4j.zip"]
            assert json.loads((during / "backup.json").read_text())["database"] == "neo4j"
            final = await asyncio.to_thread(
                embedded_cli, "backup", str(after), "--data-dir", str(source)
            )
            assert final.returncode == 0, final.stderr
            expected = await canonical_dump(store, stamps=True)
            logged = len(await store.run_raw("MATCH (c:Change) RETURN c.seq AS seq"))

    # Taken during the writes: a snapshot, so a prefix of the writer's deals, and a
    # change log without gaps whose counter matches it.
    done = embedded_cli("restore", str(during), "--data-dir", str(restored))
    assert done.returncode == 0, done.stderr
    with running(restored) as connection:
        async with opened(connection) as store:
            rows = await store.run_raw(
                "MATCH (d:Deal) WHERE d.id STARTS WITH 'deal-w-' RETURN d.id AS id ORDER BY id"
            )
            assert [r["id"] for r in rows] == written[: len(rows)]
            seqs = await store.run_raw("MATCH (c:Change) RETURN c.seq AS seq ORDER BY seq")
            assert [r["seq"] for r in seqs] == list(range(1, len(seqs) + 1))
            counter = await store.run_raw("MATCH (s:Sequence {name: 'change'}) RETURN s.value AS v")
            assert counter[0]["v"] == len(seqs)
            assert 0 < len(seqs) < logged

    # A data directory holding a graph is not overwritten without --force.
    refused = embedded_cli("restore", str(after), "--data-dir", str(restored))
    assert refused.returncode == 1
    assert "already holds a graph" in refused.stderr and "--force" in refused.stderr
    forced = embedded_cli("restore", str(after), "--data-dir", str(restored), "--force")
    assert forced.returncode == 0, forced.stderr
    with running(restored) as connection:
        async with opened(connection) as store:
            # Content equal, timestamps included.
            assert await canonical_dump(store, stamps=True) == expected


def test_restore_refuses_a_running_store_and_a_non_backup(tmp_path: Path) -> None:
    not_a_backup = tmp_path / "nothing"
    not_a_backup.mkdir()
    result = embedded_cli("restore", str(not_a_backup), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "is it a backup?" in result.stderr
    assert not (tmp_path / "data" / "databases").exists()
    with running(tmp_path / "live"):
        (tmp_path / "fake").mkdir()
        (tmp_path / "fake" / "backup.json").write_text('{"format": "arcadedb-backup"}')
        (tmp_path / "fake" / "neo4j.zip").write_bytes(b"")
        result = embedded_cli(
            "restore", str(tmp_path / "fake"), "--data-dir", str(tmp_path / "live")
        )
        assert result.returncode == 1
        assert "a store is running" in result.stderr


def test_backup_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "old").write_text("x")
    result = embedded_cli("backup", str(target), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "not an empty directory" in result.stderr
