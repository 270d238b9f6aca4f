"""``graph-api backtest``: hide the last months of closed deals and forecast them."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
from typing import Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.forecast.backtest import GROUPINGS, BacktestReport, backtest, render
from graph_api.runtime import fail, open_async_store, store_connection

MAX_MONTHS = 36


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "backtest",
        help="score the forecast on the last months of closed deals, hidden from it",
        description="Hide the deals closed in the last --months calendar months (or in the "
        "--months months from --cutoff), forecast them from the earlier history as the "
        "`forecast` field would, "
        "and print per partner group the mean absolute percentage error of the monthly won "
        "value (calibrated expectation, run-rate trend, and the naive last-quarter run "
        "rate), and the Brier score of the calibrated win probabilities against the naive "
        "global win rate. See README 'Forecast'.",
    )
    parser.add_argument(
        "--months", type=int, default=6, help="months to hide and forecast (default 6)"
    )
    parser.add_argument(
        "--cutoff",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="forecast --months months from this day instead (up to the latest close date)",
    )
    parser.add_argument(
        "--group-by", choices=GROUPINGS, default="tier", help="partner groups (default tier)"
    )
    parser.add_argument(
        "--quarters", type=int, default=4, help="quarters of run-rate history (default 4)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.months <= MAX_MONTHS:
        return fail(f"--months must be between 1 and {MAX_MONTHS}")
    if not 1 <= args.quarters <= 12:
        return fail("--quarters must be between 1 and 12")
    settings = settings_from(args)
    with store_connection(settings) as connection:

        async def work() -> BacktestReport:
            async with open_async_store(connection) as store:
                return await backtest(store, args.months, args.group_by, args.quarters, args.cutoff)

        try:
            report = asyncio.run(work())
        except ValueError as exc:
            return fail(str(exc))
    print(json.dumps(report.as_dict(), indent=2) if args.json else render(report))
    return 0
