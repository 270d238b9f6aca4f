"""``graph-api serve``: the one command for a new user.

With no NEO4J_URI it starts the embedded store, migrates, seeds the demo data
into an empty graph, and serves GraphQL until Ctrl-C, which stops everything.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

import uvicorn

from graph_api.app import create_app
from graph_api.commands.options import add_store_options, settings_from
from graph_api.embedded import describe
from graph_api.migrations import migrate
from graph_api.runtime import open_async_store, store_connection


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="start the store (embedded unless NEO4J_URI is set), migrate, seed demo data, serve",
        description="Serve GraphQL at http://HOST:PORT/graphql. Without NEO4J_URI the embedded "
        "store is started in --data-dir, migrated, and seeded with demo data when empty.",
    )
    parser.add_argument("--host", default=None, help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="HTTP port (default: 8000)")
    parser.add_argument(
        "--no-seed", action="store_true", help="do not load the demo data into an empty graph"
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


async def _prepare(connection: Any, seed: bool) -> None:
    async with open_async_store(connection) as store:
        applied = await migrate(store)
        if applied:
            print(f"migrations applied: {', '.join(applied)}")
        if seed:
            from graph_api.seeding import seed_demo_if_empty

            loaded = await seed_demo_if_empty(store)
            if loaded:
                print(f"demo data loaded: {loaded}")


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    host = args.host or settings.host
    port = args.port or settings.port
    with store_connection(settings, reuse=False) as connection:
        asyncio.run(_prepare(connection, seed=not args.no_seed and settings.embedded))
        app = create_app(settings, connection)
        print(f"GraphQL: http://{host}:{port}/graphql")
        if settings.embedded:
            print(describe(connection, settings.data_dir))
        uvicorn.run(app, host=host, port=port, log_level="info")
    return 0
