"""Running a report for a caller: argument checks, the partner check, the exports'
GraphQL documents, and CSV written row by row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from strawberry.schema.base import BaseSchema

from graph_api.context import Principal, RequestContext
from graph_api.errors import ClientError, InvalidArgument
from graph_api.intelligence.common import check_id, check_period, days
from graph_api.leaderboards.standings import LeaderboardMetric
from graph_api.reports.exports import LEADERBOARD_PAGE, Export
from graph_api.scope import resolve_scope
from graph_api.store import Store

# HTTP status of a refused report, by the GraphQL error code its field raised.
STATUS_BY_CODE = {
    "BAD_USER_INPUT": 400,
    "LIMIT_EXCEEDED": 400,
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "STORE_UNAVAILABLE": 503,
}
NOT_YOURS = "you may not see this partner's reports"


class ReportRefused(Exception):
    """A report that cannot be served: an HTTP status, a code and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ReportRequest:
    partner_id: str | None
    start: dt.date
    end: dt.date
    metric: str | None = None

    def variables(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "partnerId": self.partner_id,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
        }
        if self.metric is not None:
            values["metric"] = self.metric
        return values


def _date(value: str | None, name: str) -> dt.date:
    if not value:
        raise InvalidArgument(f"`{name}` is required (YYYY-MM-DD)", argument=name)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(f"`{name}` must be a date (YYYY-MM-DD)", argument=name) from None


def _metric(value: str | None) -> str:
    names = {m.name for m in LeaderboardMetric}
    if value is None or value.upper() not in names:
        raise InvalidArgument(
            f"`metric` must be one of {', '.join(sorted(names))}", argument="metric"
        )
    return value.upper()


def parse_request(
    partner_id: str | None,
    params: Mapping[str, str | None],
    needs_partner: bool,
    needs_metric: bool = False,
) -> ReportRequest:
    """Checked arguments; a bad one is ReportRefused(400) before anything is read."""
    try:
        if needs_partner and not partner_id:
            raise InvalidArgument("`partnerId` is required", argument="partnerId")
        partner = check_id(partner_id, "partnerId") if partner_id else None
        start, end = check_period(_date(params.get("from"), "from"), _date(params.get("to"), "to"))
        days(start, end)  # the period's length is capped like every other period
        metric = _metric(params.get("metric")) if needs_metric else None
    except ClientError as exc:  # a bad argument, or a period longer than allowed
        raise ReportRefused(STATUS_BY_CODE.get(exc.code, 400), exc.code, exc.message) from None
    return ReportRequest(partner, start, end, metric)


async def caller_scope(
    store: Store, principal: Principal, partner_id: str | None
) -> list[str] | None:
    """The caller's scope; a partner asking for a partner outside it is refused with
    the same answer whether that partner exists or not."""
    scope = await resolve_scope(store, principal)
    if scope is not None and partner_id is not None and partner_id not in scope:
        raise ReportRefused(403, "FORBIDDEN", NOT_YOURS)
    return scope


async def execute(
    schema: BaseSchema, ctx: RequestContext, export: Export, variables: dict[str, Any]
) -> dict[str, Any]:
    """The export's result; a field error becomes ReportRefused with its status."""
    result = await schema.execute(export.document, variable_values=variables, context_value=ctx)
    if result.errors:
        error = result.errors[0]
        code = str((error.extensions or {}).get("code") or "INTERNAL_SERVER_ERROR")
        raise ReportRefused(STATUS_BY_CODE.get(code, 500), code, error.message)
    report = (result.data or {}).get("report")
    if report is None:  # a missing partner (admins; partners were checked already)
        raise ReportRefused(404, "NOT_FOUND", "no such partner")
    return dict(report)


async def export_rows(
    schema: BaseSchema, ctx: RequestContext, export: Export, request: ReportRequest
) -> AsyncIterator[list[str]]:
    """The header, then every row. Read the first page before answering (see first_page)."""
    variables = request.variables()
    if export.paged:
        variables["first"] = LEADERBOARD_PAGE
    report = await execute(schema, ctx, export, variables)
    return _rows(schema, ctx, export, variables, report)


async def _rows(
    schema: BaseSchema,
    ctx: RequestContext,
    export: Export,
    variables: dict[str, Any],
    report: dict[str, Any],
) -> AsyncIterator[list[str]]:
    yield list(export.header)
    while True:
        for row in export.rows(report):
            yield row
        if not export.paged:
            return
        page = report["entries"]["pageInfo"]
        if not page["hasNextPage"]:
            return
        variables = {**variables, "after": page["endCursor"]}
        report = await execute(schema, ctx, export, variables)


def csv_line(row: Iterable[str]) -> str:
    """One CSV record (RFC 4180 quoting, CRLF)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    return buffer.getvalue()


async def csv_text(rows: AsyncIterator[list[str]]) -> AsyncIterator[str]:
    async for row in rows:
        yield csv_line(row)
