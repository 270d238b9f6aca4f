"""Apply ``cypher/schema/NNN_name.cypher`` in order, once each, with checksums.

Each applied file is recorded as a ``(:Migration {id, checksum, appliedAt})``
node. A file whose content changed after it was applied is an error: write a
new migration instead of editing an old one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from graph_api.cypher import CYPHER_DIR, named
from graph_api.store import Store

SCHEMA_DIR = CYPHER_DIR / "schema"
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.cypher$")

APPLIED = named("queries/migrations_applied")
RECORD = named("queries/migration_record")


class MigrationError(Exception):
    """A migration file is misnamed, duplicated, or was edited after it was applied."""


@dataclass(frozen=True)
class Migration:
    id: str
    path: Path
    checksum: str
    statements: list[str]


def discover(directory: Path = SCHEMA_DIR) -> list[Migration]:
    migrations = []
    for path in sorted(directory.glob("*.cypher")):
        if not _NAME.match(path.name):
            raise MigrationError(f"{path.name}: migration files are named NNN_snake_name.cypher")
        text = path.read_text(encoding="utf-8")
        migrations.append(
            Migration(
                id=path.stem,
                path=path,
                checksum=hashlib.sha256(text.encode()).hexdigest(),
                statements=split_statements(text),
            )
        )
    numbers = [m.id[:3] for m in migrations]
    if len(numbers) != len(set(numbers)):
        raise MigrationError(f"two migrations share a number: {numbers}")
    return migrations


def split_statements(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in body.split(";") if part.strip()]


async def migrate(store: Store, directory: Path = SCHEMA_DIR) -> list[str]:
    """Apply pending migrations in file order; return the ids applied by this call.

    Every applied file is checked before anything runs, so an edited old file
    stops the run without applying newer ones. A migration that fails halfway
    is not recorded and runs again next time, which is why the statements use
    ``IF NOT EXISTS``.
    """
    migrations = discover(directory)
    # The Migration constraint lives in 001, so the first run may find no label yet.
    applied = {row["id"]: row["checksum"] for row in await store.read(APPLIED)}
    for migration in migrations:
        previous = applied.get(migration.id)
        if previous is not None and previous != migration.checksum:
            raise MigrationError(
                f"{migration.path.name} changed after it was applied "
                f"(recorded {previous[:12]}, now {migration.checksum[:12]}); "
                "add a new migration instead of editing this one"
            )
    done: list[str] = []
    for migration in migrations:
        if migration.id in applied:
            continue
        for statement in migration.statements:
            await store.run_raw(statement)  # schema DDL runs outside managed transactions
        await store.write_query(RECORD, id=migration.id, checksum=migration.checksum)
        done.append(migration.id)
    return done
