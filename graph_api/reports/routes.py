"""``GET /reports/...``: the statement as CSV or PDF, and the CSV exports.

Callers authenticate as for /graphql (a Bearer token when auth is on) and see
what their token's scope allows: a partner asking for another partner's
statement or report gets 403, the same answer whether that partner exists or
not. Bad arguments are a typed 400; nothing is read for them.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from strawberry.schema.base import BaseSchema

from graph_api.auth import AuthError, bearer, verifier_for
from graph_api.config import Settings
from graph_api.context import ANONYMOUS, Principal, RequestContext, request_id_of
from graph_api.errors import StoreUnavailable
from graph_api.reports.exports import EXPORTS
from graph_api.reports.pdf import statement_pdf
from graph_api.reports.running import (
    ReportRefused,
    caller_scope,
    csv_line,
    csv_text,
    export_rows,
    parse_request,
)
from graph_api.reports.statement import LINE_COLUMNS, PartnerStatement, partner_statement
from graph_api.security import error_body
from graph_api.store import Store

CSV = "text/csv; charset=utf-8"
FORMATS = ("csv", "pdf")


def _refused(refusal: ReportRefused, request_id: str) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if refusal.status == 401 else None
    return Response(
        error_body(refusal.message, refusal.code, requestId=request_id),
        refusal.status,
        headers,
        media_type="application/json",
    )


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}


def statement_csv(statement: PartnerStatement) -> AsyncIterator[str]:
    """The header, the lines, then one total record (partnershipId ``TOTAL``)."""

    async def lines() -> AsyncIterator[str]:
        yield csv_line(LINE_COLUMNS)
        for line in statement.lines:
            yield csv_line(line.row())
        total = ["" for _ in LINE_COLUMNS]
        total[0], total[-1] = "TOTAL", f"{statement.total:.2f}"
        yield csv_line(total)

    return lines()


def report_routes(
    settings: Settings, opened: Callable[[], Store | None], schema: BaseSchema
) -> list[Route]:
    """The routes; ``opened`` gives the app's store while it runs, ``schema`` runs the
    exports' documents."""
    verifier = verifier_for(settings)

    def store() -> Store:
        current = opened()
        if current is None:  # lifespan not started; nothing can be served
            raise ReportRefused(503, StoreUnavailable.code, "the graph store is not open")
        return current

    def principal(request: Request) -> Principal:
        if verifier is None:  # auth off: every caller is an anonymous admin
            return ANONYMOUS
        if len(request.headers.getlist("authorization")) > 1:
            raise ReportRefused(400, "BAD_REQUEST", "send one Authorization header")
        try:
            return verifier.principal(bearer(request.headers.get("authorization")))
        except AuthError as exc:
            raise ReportRefused(401, "UNAUTHENTICATED", exc.message) from None

    async def statement(request: Request) -> Response:
        request_id = request_id_of(request.scope) or uuid.uuid4().hex
        try:
            caller = principal(request)
            kind = request.query_params.get("format", "csv")
            if kind not in FORMATS:
                raise ReportRefused(400, "BAD_USER_INPUT", "`format` must be csv or pdf")
            asked = parse_request(
                request.path_params["partner_id"], request.query_params, needs_partner=True
            )
            graph = store()
            scope = await caller_scope(graph, caller, asked.partner_id)
            found = await partner_statement(graph, asked.partner_id, asked.start, asked.end, scope)
            if found is None:  # only admins and analysts get here for a missing partner
                raise ReportRefused(404, "NOT_FOUND", "no such partner")
        except ReportRefused as refusal:
            return _refused(refusal, request_id)
        name = f"statement-{found.partner_id}-{found.start}-{found.end}"
        headers = {**_attachment(f"{name}.{kind}"), "X-Statement-Hash": found.content_hash}
        if kind == "pdf":
            return Response(statement_pdf(found), media_type="application/pdf", headers=headers)
        return StreamingResponse(statement_csv(found), media_type=CSV, headers=headers)

    async def export(request: Request) -> Response:
        request_id = request_id_of(request.scope) or uuid.uuid4().hex
        try:
            chosen = EXPORTS.get(request.path_params["name"])
            if chosen is None:
                raise ReportRefused(404, "NOT_FOUND", f"no report; one of {', '.join(EXPORTS)}")
            caller = principal(request)
            params = request.query_params
            asked = parse_request(
                params.get("partnerId"), params, chosen.needs_partner, chosen.needs_metric
            )
            graph = store()
            scope = await caller_scope(graph, caller, asked.partner_id)
            ctx = RequestContext(
                store=graph,
                principal=caller,
                request_id=request_id,
                settings=settings,
                scope=scope,
                scope_for=caller,
            )
            # The first page is read before answering, so a refusal still gets its status.
            rows = await export_rows(schema, ctx, chosen, asked)
        except ReportRefused as refusal:
            return _refused(refusal, request_id)
        name = f"{chosen.name}-{asked.start}-{asked.end}.csv"
        return StreamingResponse(csv_text(rows), media_type=CSV, headers=_attachment(name))

    return [
        Route("/reports/statements/{partner_id}", statement, methods=["GET"]),
        Route("/reports/{name}", export, methods=["GET"]),
    ]
