"""Backups of the embedded store with ArcadeDB's own facility.

``BACKUP DATABASE`` (sent to the running store's HTTP API on 127.0.0.1) writes
a ZIP of the database as of one snapshot, without blocking writers; it only
writes below the data directory's ``backups/``, so the archive is then moved
into the backup directory next to a small manifest. Restoring unpacks it with
ArcadeDB's ``Restore`` tool into a data directory no store is using.
"""

from __future__ import annotations

import base64
import fcntl
import json
import shutil
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph_api.embedded import (
    DATABASE,
    LOCK_FILE,
    PASSWORD_FILE,
    ROOT_USER,
    STATE_FILE,
    StoreError,
    _arcadedb_home,
    java_binary,
    make_data_dir,
)

MANIFEST = "backup.json"
ARCHIVE = f"{DATABASE}.zip"
FORMAT = "arcadedb-backup"
BACKUP_TIMEOUT = 3600.0


class BackupError(Exception):
    """A backup or restore was refused or failed; the message says why and what to do."""


def _database_dir(data_dir: Path) -> Path:
    return data_dir / "databases" / DATABASE


def has_database(data_dir: Path) -> bool:
    database = _database_dir(data_dir)
    return database.is_dir() and any(database.iterdir())


def check_target(backup_dir: Path) -> None:
    """The backup directory must be new or empty, so no older backup is mixed in."""
    if backup_dir.exists() and (not backup_dir.is_dir() or any(backup_dir.iterdir())):
        raise BackupError(f"{backup_dir} exists and is not an empty directory; choose a new one")


def backup(data_dir: Path, backup_dir: Path) -> dict[str, Any]:
    """Back up the store serving ``data_dir`` (it must be running) into ``backup_dir``."""
    check_target(backup_dir)
    try:
        state = json.loads((data_dir / STATE_FILE).read_text())
        password = (data_dir / PASSWORD_FILE).read_text().strip()
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"the store of {data_dir} publishes no state ({exc})") from exc
    taken = datetime.now(UTC)
    name = f"{DATABASE}-backup-{taken:%Y%m%d-%H%M%S%f}.zip"
    body = json.dumps({"language": "sql", "command": f"BACKUP DATABASE file://{name}"})
    request = urllib.request.Request(
        f"http://127.0.0.1:{int(state['http_port'])}/api/v1/command/{DATABASE}",
        data=body.encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": "Basic "
            + base64.b64encode(f"{ROOT_USER}:{password}".encode()).decode(),
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=BACKUP_TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode(errors="replace")[:500]
        raise BackupError(f"the store refused the backup: {detail}") from exc
    except OSError as exc:
        raise BackupError(f"cannot reach the store's HTTP API: {exc}") from exc
    written = data_dir / "backups" / DATABASE / name
    if not written.is_file():
        raise BackupError(f"the store reported a backup but {written} is missing")
    backup_dir.mkdir(parents=True, exist_ok=True)
    shutil.move(written, backup_dir / ARCHIVE)
    manifest = {
        "format": FORMAT,
        "database": DATABASE,
        "archive": ARCHIVE,
        "takenAt": taken.isoformat(),
        "source": str(data_dir),
        "bytes": (backup_dir / ARCHIVE).stat().st_size,
    }
    (backup_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def read_manifest(backup_dir: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((backup_dir / MANIFEST).read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise BackupError(f"{backup_dir} holds no readable {MANIFEST}; is it a backup?") from exc
    if manifest.get("format") != FORMAT or not (backup_dir / ARCHIVE).is_file():
        raise BackupError(f"{backup_dir} is not a complete graph-api backup")
    return manifest


@contextmanager
def _owned(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's store lock, so no store starts on it meanwhile."""
    with (data_dir / LOCK_FILE).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(
                f"a store is running on {data_dir}; stop it (graph-api serve) before restoring"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def restore(backup_dir: Path, data_dir: Path, force: bool = False) -> dict[str, Any]:
    """Unpack a backup into ``data_dir``; refuses a directory holding a graph unless ``force``."""
    manifest = read_manifest(backup_dir)
    make_data_dir(data_dir)
    with _owned(data_dir):
        database = _database_dir(data_dir)
        if has_database(data_dir):
            if not force:
                raise BackupError(
                    f"{data_dir} already holds a graph; restore into an empty data directory, "
                    "or add --force to replace it"
                )
            shutil.rmtree(database)
        database.parent.mkdir(parents=True, exist_ok=True)
        home = _arcadedb_home()
        command = [
            str(java_binary()),
            "-cp",
            f"{home / 'jars'}/*",
            "com.arcadedb.integration.restore.Restore",
            "-f",
            (backup_dir / ARCHIVE).resolve().as_uri(),
            "-d",
            str(database),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not has_database(data_dir):
            shutil.rmtree(database, ignore_errors=True)
            tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise BackupError(f"the restore failed: {' '.join(tail)}")
    return manifest
