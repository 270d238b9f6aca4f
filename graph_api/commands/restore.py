"""``graph-api restore DIR``: bring a backup back into a stopped data directory."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from graph_api.backups import BackupError, restore
from graph_api.commands.options import add_store_options, settings_from
from graph_api.runtime import fail


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "restore",
        help="restore a `graph-api backup` into a stopped data directory",
        description="Unpack a backup made by `graph-api backup` into the embedded store's data "
        "directory (--data-dir), with ArcadeDB's Restore tool. No store may be running on it. "
        "A data directory that already holds a graph is refused unless --force, which "
        "replaces that graph.",
    )
    parser.add_argument("dir", type=Path, metavar="DIR", help="a directory made by backup")
    parser.add_argument(
        "--force", action="store_true", help="replace the graph the data directory holds"
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if not settings.embedded:
        return fail("restore fills an embedded store's data directory; unset NEO4J_URI")
    try:
        manifest = restore(args.dir, settings.data_dir.resolve(), args.force)
    except BackupError as exc:
        return fail(str(exc))
    print(
        f"restored the backup taken {manifest['takenAt']} into {settings.data_dir}; "
        "start it with graph-api serve"
    )
    return 0
