"""Migrations against the real store, from a temporary folder of migration files.

The test files write probe nodes, so the order they ran in is visible in the
graph. Their ids carry a per-test suffix and their records are removed after
the test, because the session's graph keeps Migration nodes between tests.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph_api.migrations import SCHEMA_DIR, MigrationError, discover, migrate, split_statements
from graph_api.store import Store


@pytest.fixture
async def suffix(store: Store) -> AsyncIterator[str]:
    tag = uuid.uuid4().hex[:8]
    yield tag
    await store.run_raw(
        "MATCH (m:Migration) WHERE m.id ENDS WITH $tag DETACH DELETE m", {"tag": "_" + tag}
    )


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


async def probe_steps(store: Store) -> list[int]:
    row = await store.run_raw("MATCH (p:MigrationProbe {id: 'order'}) RETURN p.steps AS steps")
    return list(row[0]["steps"]) if row else []


async def test_applies_in_order_once_and_records_checksums(
    store: Store, suffix: str, tmp_path: Path
) -> None:
    # Written in reverse order, so only the file names can give the order.
    third = write(
        tmp_path,
        f"010_third_{suffix}.cypher",
        "MATCH (p:MigrationProbe {id: 'order'}) SET p.steps = p.steps + [10];",
    )
    second = write(
        tmp_path,
        f"002_second_{suffix}.cypher",
        "// two statements in one file\n"
        "MATCH (p:MigrationProbe {id: 'order'}) SET p.steps = p.steps + [2];\n"
        "MATCH (p:MigrationProbe {id: 'order'}) SET p.steps = p.steps + [3];\n",
    )
    first = write(
        tmp_path,
        f"001_first_{suffix}.cypher",
        "CREATE (:MigrationProbe {id: 'order', steps: [1]})",
    )

    applied = await migrate(store, tmp_path)
    assert applied == [f"001_first_{suffix}", f"002_second_{suffix}", f"010_third_{suffix}"]
    assert await probe_steps(store) == [1, 2, 3, 10]

    records = await store.run_raw(
        "MATCH (m:Migration) WHERE m.id ENDS WITH $tag "
        "RETURN m.id AS id, m.checksum AS checksum, m.appliedAt IS NOT NULL AS stamped "
        "ORDER BY m.id",
        {"tag": "_" + suffix},
    )
    assert records == [
        {
            "id": path.stem,
            "checksum": hashlib.sha256(path.read_bytes()).hexdigest(),
            "stamped": True,
        }
        for path in (first, second, third)
    ]

    # Idempotent: a second run applies nothing and runs no statement again.
    assert await migrate(store, tmp_path) == []
    assert await probe_steps(store) == [1, 2, 3, 10]

    # A new file is applied alone, after the others.
    write(
        tmp_path,
        f"011_fourth_{suffix}.cypher",
        "MATCH (p:MigrationProbe {id: 'order'}) SET p.steps = p.steps + [11];",
    )
    assert await migrate(store, tmp_path) == [f"011_fourth_{suffix}"]
    assert await probe_steps(store) == [1, 2, 3, 10, 11]


async def test_changed_applied_file_is_an_error_and_applies_nothing(
    store: Store, suffix: str, tmp_path: Path
) -> None:
    first = write(
        tmp_path,
        f"001_first_{suffix}.cypher",
        "CREATE (:MigrationProbe {id: 'order', steps: [1]})",
    )
    assert await migrate(store, tmp_path) == [f"001_first_{suffix}"]
    recorded = hashlib.sha256(first.read_bytes()).hexdigest()

    first.write_text("CREATE (:MigrationProbe {id: 'order', steps: [100]})", encoding="utf-8")
    now = hashlib.sha256(first.read_bytes()).hexdigest()
    # A pending file after the edited one must not run either.
    write(
        tmp_path,
        f"002_second_{suffix}.cypher",
        "MATCH (p:MigrationProbe {id: 'order'}) SET p.steps = p.steps + [2];",
    )
    with pytest.raises(MigrationError) as error:
        await migrate(store, tmp_path)
    assert str(error.value) == (
        f"001_first_{suffix}.cypher changed after it was applied (recorded {recorded[:12]}, "
        f"now {now[:12]}); add a new migration instead of editing this one"
    )
    assert await probe_steps(store) == [1]


def test_misnamed_and_duplicate_numbers_are_errors(tmp_path: Path) -> None:
    write(tmp_path, "1_short.cypher", "RETURN 1")
    with pytest.raises(MigrationError, match=r"^1_short.cypher: migration files are named"):
        discover(tmp_path)
    (tmp_path / "1_short.cypher").unlink()
    write(tmp_path, "003_one.cypher", "RETURN 1")
    write(tmp_path, "003_two.cypher", "RETURN 2")
    with pytest.raises(MigrationError, match=r"^two migrations share a number"):
        discover(tmp_path)


def test_statements_split_on_semicolons_without_comments() -> None:
    text = "// a comment; with a semicolon\nCREATE CONSTRAINT a;\n\n  // x\nCREATE INDEX b ;\n"
    assert split_statements(text) == ["CREATE CONSTRAINT a", "CREATE INDEX b"]


async def test_project_schema_is_applied_and_recorded(store: Store) -> None:
    """The session store was migrated from cypher/schema/: every file is recorded as is."""
    expected = {m.id: m.checksum for m in discover(SCHEMA_DIR)}
    assert expected, "cypher/schema/ holds no migrations"
    rows = await store.run_raw(
        "MATCH (m:Migration) WHERE m.id IN $ids RETURN m.id AS id, m.checksum AS checksum",
        {"ids": list(expected)},
    )
    assert {row["id"]: row["checksum"] for row in rows} == expected
    assert await migrate(store) == []
