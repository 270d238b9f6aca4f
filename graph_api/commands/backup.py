"""``graph-api backup DIR``: a consistent copy of the embedded store, even while it serves."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from graph_api.backups import BackupError, backup, check_target
from graph_api.commands.options import add_store_options, settings_from
from graph_api.runtime import fail, store_connection


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "backup",
        help="back up the embedded store into a new directory, while it runs",
        description="Take a consistent snapshot of the embedded store with ArcadeDB's "
        "BACKUP DATABASE, without stopping `serve` or blocking its writes (a store that is "
        "not running is started for the backup). DIR must be new or empty; it receives "
        "neo4j.zip and backup.json. `graph-api restore DIR` brings it back. With NEO4J_URI "
        "set, use Neo4j's own tools (neo4j-admin database dump) or `graph-api export`.",
    )
    parser.add_argument("dir", type=Path, metavar="DIR", help="new or empty directory")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if not settings.embedded:
        return fail(
            "backup copies the embedded store; with NEO4J_URI set use neo4j-admin database "
            "dump, or `graph-api export` for a store-independent file"
        )
    try:
        check_target(args.dir)
        with store_connection(settings):
            manifest = backup(settings.data_dir.resolve(), args.dir)
    except BackupError as exc:
        return fail(str(exc))
    print(f"backed up {manifest['bytes']:,} bytes to {args.dir} (taken {manifest['takenAt']})")
    return 0
