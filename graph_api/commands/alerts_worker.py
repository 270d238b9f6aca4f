"""``graph-api alerts-worker``: evaluate the alert rules on a schedule.

Every API process evaluates the rules after each relevant write and every rule once
an hour (the time-based ones, certification expiry, stalled deals and the goal line,
need it); this command runs the schedule as its own process, at its own interval.
Any number may run beside the API: an alert is raised once, whoever evaluates.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from graph_api.alerts.worker import SCHEDULE, running
from graph_api.commands.options import add_store_options, settings_from
from graph_api.runtime import open_async_store, store_connection


def _interval(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be a number of seconds above 0")
    return value


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "alerts-worker",
        help="evaluate the alert rules on a schedule until Ctrl-C",
        description="Evaluate every alert rule every --interval seconds, raising and "
        "resolving alerts: the time-based kinds (CERTIFICATION_EXPIRING, DEAL_STALLED, "
        "GOAL_AT_RISK) need it, and it catches writes no API process heard. Runs until "
        "Ctrl-C or SIGTERM, or once with --once.",
    )
    parser.add_argument(
        "--interval",
        type=_interval,
        default=SCHEDULE,
        help=f"seconds between evaluations (default {SCHEDULE:g})",
    )
    parser.add_argument("--once", action="store_true", help="evaluate once and exit")
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

        async def work() -> tuple[int, int, int]:
            async with open_async_store(connection) as store:
                if args.once:
                    async with running(store, schedule=None) as worker:
                        outcome = await worker.run_scheduled()
                    return 1, len(outcome.raised), len(outcome.resolved)
                async with running(store, schedule=args.interval) as worker:
                    print("alerts worker running; Ctrl-C stops it", flush=True)
                    if args.max_seconds is None:
                        await asyncio.Event().wait()
                    else:
                        await asyncio.sleep(args.max_seconds)
                    return worker.scheduled_runs, 0, 0

        runs, raised, resolved = asyncio.run(work())
    if args.once:
        print(f"evaluated once: raised {raised}, resolved {resolved} alert(s)")
    else:
        print(f"evaluated the rules {runs} time(s)")
    return 0
