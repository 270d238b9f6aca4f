"""``graph-api webhooks-worker``: deliver webhooks outside the API processes.

The API runs a delivery worker itself (GRAPH_API_WEBHOOK_WORKER=true); this
command is for running delivery separately, e.g. with
GRAPH_API_WEBHOOK_WORKER=false on the API instances. Workers share one lease
in the graph, so any number can run: one delivers, the others stand by.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.runtime import open_async_store, store_connection
from graph_api.webhooks.worker import WebhookWorker


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "webhooks-worker",
        help="deliver webhook events from the change-log outbox until Ctrl-C",
        description="Deliver signed webhook events to every active endpoint, resuming from "
        "the cursors and delivery records in the graph. Runs until Ctrl-C or SIGTERM. "
        "Retry timings come from the GRAPH_API_WEBHOOK_* variables.",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=None,
        help="stop after this many seconds (default: run until interrupted)",
    )
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with store_connection(settings) as connection:

        async def work() -> int:
            async with open_async_store(connection) as store:
                worker = WebhookWorker(store, settings)
                worker.start()
                print("webhooks worker running; Ctrl-C stops it", flush=True)
                try:
                    if args.max_seconds is None:
                        await asyncio.Event().wait()
                    else:
                        await asyncio.sleep(args.max_seconds)
                finally:
                    await worker.stop()
                return worker.delivered

        delivered = asyncio.run(work())
    print(f"delivered {delivered} event(s)")
    return 0
