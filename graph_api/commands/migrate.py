"""``graph-api migrate``: apply pending schema migrations."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.migrations import migrate
from graph_api.runtime import open_async_store, store_connection


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "migrate",
        help="apply the constraints and indexes in cypher/schema/, in order, once each",
        description="Apply cypher/schema/NNN_*.cypher in order. Applied files are recorded "
        "with a checksum; editing an applied file is an error.",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with store_connection(settings) as connection:

        async def work() -> list[str]:
            async with open_async_store(connection) as store:
                return await migrate(store)

        applied = asyncio.run(work())
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else ""))
    return 0
