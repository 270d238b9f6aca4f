"""``graph-api report``: a statement (CSV or PDF) or a CSV export, to stdout or a file."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import IO, Any

from graph_api.commands.options import add_store_options, settings_from
from graph_api.context import ANONYMOUS, RequestContext
from graph_api.reports.exports import EXPORTS
from graph_api.reports.pdf import statement_pdf
from graph_api.reports.routes import statement_csv
from graph_api.reports.running import ReportRefused, csv_text, export_rows, parse_request
from graph_api.reports.statement import partner_statement
from graph_api.runtime import fail, open_async_store, store_connection
from graph_api.schema import build_schema
from graph_api.store import Store

NAMES = ("statement", *EXPORTS)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="write a partner statement (CSV or PDF) or a CSV report",
        description="Write a report as GET /reports/... serves it, with full access: "
        "`statement` (a partner's earnings statement, CSV or PDF), `dashboard` (a partner's "
        "figures), `leaderboard` (needs --metric) or `forecast` (one row per group and "
        "month; --partner optional). CSV is written row by row. See README 'Reports'.",
    )
    parser.add_argument("name", choices=NAMES, help="which report")
    parser.add_argument("--partner", default=None, help="partner id")
    parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--metric", default=None, help="leaderboard metric, e.g. won_value")
    parser.add_argument("--format", choices=("csv", "pdf"), default="csv", help="default csv")
    parser.add_argument("--output", default="-", help="file to write (default stdout)")
    add_store_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "pdf" and args.name != "statement":
        return fail("only the statement is written as PDF")
    if args.format == "pdf" and args.output == "-" and sys.stdout.isatty():
        return fail("a PDF goes to a file (--output) or a pipe, not a terminal")
    chosen = EXPORTS.get(args.name)
    params = {"from": args.start, "to": args.end, "metric": args.metric}
    try:
        asked = parse_request(
            args.partner,
            params,
            needs_partner=chosen is None or chosen.needs_partner,
            needs_metric=chosen is not None and chosen.needs_metric,
        )
    except ReportRefused as refusal:
        return fail(refusal.message)
    settings = settings_from(args)
    binary = args.format == "pdf"
    with store_connection(settings) as connection:

        async def work(out: IO[Any]) -> None:
            async with open_async_store(connection) as store:
                await write(store, out)

        async def write(store: Store, out: IO[Any]) -> None:
            if chosen is None:
                found = await partner_statement(
                    store, asked.partner_id, asked.start, asked.end, None
                )
                if found is None:
                    raise ReportRefused(404, "NOT_FOUND", f"no partner {asked.partner_id!r}")
                if binary:
                    out.write(statement_pdf(found))
                    return
                async for line in statement_csv(found):
                    out.write(line)
                return
            ctx = RequestContext(store=store, principal=ANONYMOUS, settings=settings)
            rows = await export_rows(build_schema(settings), ctx, chosen, asked)
            async for line in csv_text(rows):
                out.write(line)

        try:
            if args.output == "-":
                asyncio.run(work(sys.stdout.buffer if binary else sys.stdout))
            else:
                with (
                    open(args.output, "wb") if binary else open(args.output, "w", newline="") as out
                ):
                    asyncio.run(work(out))
        except ReportRefused as refusal:
            return fail(refusal.message)
    return 0
