"""The Starlette app: GraphQL at /graphql, liveness at /health, readiness at /ready,
the embeddable relationship view under /embed/, statements and CSV reports under /reports/."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, cast

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET, UnsetType

from graph_api import bookmarks, ide, metrics, tracing
from graph_api.alerts.worker import running as alerts_running
from graph_api.auth import AuthError, verifier_for
from graph_api.challenges.watcher import watching as challenges_watching
from graph_api.config import Settings
from graph_api.context import ANONYMOUS, RequestContext, principal_of, request_id_of
from graph_api.embed.routes import embed_routes
from graph_api.embedded import Connection
from graph_api.events.connections import TokenBoundHandler
from graph_api.events.hub import EventHub
from graph_api.events.hub import running as events_running
from graph_api.logs import RequestLog
from graph_api.reports.routes import report_routes
from graph_api.schema import build_schema
from graph_api.security import INTERNAL_ERROR, error_body, websocket_principal
from graph_api.security import middleware as security_middleware
from graph_api.store import (
    Store,
    current_consistency,
    open_store,
    request_consistency,
    request_deadline,
)

log = logging.getLogger("graph_api")
READY_QUERY_TIMEOUT = 3.0
# extensions.code of the requests refused before GraphQL runs, by HTTP status.
HTTP_ERROR_CODES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
# Operations each HTTP method may carry; subscriptions go over the WebSocket only.
HTTP_OPERATIONS = {
    "GET": frozenset({OperationType.QUERY}),
    "POST": frozenset({OperationType.QUERY, OperationType.MUTATION}),
}


class RequestRefused(HTTPException):
    """A request refused before GraphQL runs, with response headers (``Allow`` on a 405)."""

    def __init__(self, status: int, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, reason)
        self.headers = headers or {}


WORKER_PID_HEADER = "X-Graph-Api-Pid"


@dataclass
class AppState:
    """What the app holds while it runs, on ``app.state.graph``; set up by its lifespan."""

    settings: Settings
    store: Store | None = None
    events: EventHub | None = None


def connection_for(settings: Settings) -> Connection:
    assert settings.neo4j_uri is not None
    return Connection(
        uri=settings.neo4j_uri,
        user=settings.neo4j_user,
        password=settings.neo4j_password,
        database=settings.neo4j_database,
    )


class GraphQLApp(GraphQL[RequestContext, None]):
    # Only graphql-transport-ws, whose connections close when their token expires.
    graphql_transport_ws_handler_class = TokenBoundHandler

    def __init__(self, state: AppState, **kwargs: Any) -> None:
        super().__init__(subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,), **kwargs)
        self.state = state
        self.verifier = verifier_for(state.settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        request_id = request_id_of(scope) or uuid.uuid4().hex
        try:
            response = await self.run(request)
        except HTTPException as exc:  # a malformed request: the GraphQL error shape, not text
            code = HTTP_ERROR_CODES.get(exc.status_code, "BAD_REQUEST")
            metrics.count_error(code)
            response = _json_error(exc.status_code, exc.reason, code, request_id)
            response.headers.update(getattr(exc, "headers", {}))
        except Exception:
            log.exception("unexpected error [request %s] serving %s", request_id, request.method)
            response = _json_error(500, INTERNAL_ERROR, "INTERNAL_SERVER_ERROR", request_id)
        await response(scope, receive, send)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        # A browser reloading ?query=... gets the IDE again, not the query's 401 (graph_api/ide.py).
        if not self.state.settings.graphiql:
            return super().should_render_graphql_ide(request)
        accept = request.headers.get("accept", "")
        has_query = request.query_params.get("query") is not None
        return ide.wants_page(self.state.settings, request.method, accept, has_query)

    async def render_graphql_ide(self, request: Request) -> Response:
        # The page may hold a freshly minted demo token: never cached.
        client = request.client.host if request.client else None
        page = ide.page(self.state.settings, client)
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: RequestContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        # As Strawberry's, but with this endpoint's operations per method (HTTP_OPERATIONS).
        method = request_adapter.method
        try:
            return await self.schema.execute(
                request_data.query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=HTTP_OPERATIONS.get(method, frozenset()),
                operation_extensions=request_data.extensions,
            )
        except InvalidOperationTypeError as exc:
            if exc.operation_type is OperationType.SUBSCRIPTION:
                reason = "subscriptions run over a WebSocket (graphql-transport-ws) at this URL"
                raise RequestRefused(400, reason) from exc
            raise RequestRefused(
                405, "mutations need POST; GET runs queries only", {"Allow": "POST"}
            ) from exc
        except CannotGetOperationTypeError as exc:
            raise HTTPException(400, exc.as_http_error_reason()) from exc
        except MissingQueryError as exc:
            raise HTTPException(400, "no GraphQL query found in the request") from exc

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # A request that wrote answers with its bookmark (graph_api/bookmarks.py).
        data = await super().process_result(request, result)
        bookmark = _written_bookmark()
        if bookmark is not None:
            data["extensions"] = {**(data.get("extensions") or {}), "bookmark": bookmark}
        return data

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        bookmark = _written_bookmark()
        if bookmark is not None:
            response.headers[bookmarks.HEADER] = bookmark
        return response

    def decode_json(self, data: str | bytes) -> object:
        # json.loads raises more than JSONDecodeError, which is all Strawberry turns into a 400.
        try:
            return json.loads(data)
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "the request body is not valid UTF-8") from exc
        except RecursionError as exc:
            raise HTTPException(400, "the JSON is nested too deeply") from exc

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> RequestContext:
        store = self.state.store
        if store is None:  # lifespan not started; nothing can be served
            raise RuntimeError("the store is not open")
        principal = principal_of(request.scope)
        request_id = request_id_of(request.scope) or uuid.uuid4().hex
        if isinstance(request, Request):  # a subscription's socket may stay open for days
            request_deadline(self.state.settings.query_timeout)
            try:
                request_consistency(bookmarks.parse(request.headers.get(bookmarks.HEADER)))
            except bookmarks.MalformedBookmark as exc:
                raise HTTPException(400, str(exc)) from exc
        ctx = RequestContext(
            store=store,
            principal=principal or ANONYMOUS,
            request_id=request_id,
            round_trips=store.counter_for(request_id),
            settings=self.state.settings,
            events=self.state.events,
        )
        # With auth on, a WebSocket without a header token is nobody until its
        # connection_init carries one (see on_ws_connect).
        ctx.unauthenticated = principal is None and self.verifier is not None
        return ctx

    async def on_ws_connect(self, context: RequestContext) -> UnsetType | dict[str, object] | None:
        if self.verifier is not None and context.unauthenticated:
            try:
                context.principal = websocket_principal(self.verifier, context.connection_params)
            except AuthError as exc:
                raise ConnectionRejectionError(
                    {"message": exc.message, "reason": exc.reason}
                ) from exc
            context.unauthenticated = False
        return cast(UnsetType, UNSET)


def create_app(
    settings: Settings,
    connection: Connection | None = None,
    store_state: Callable[[], str] | None = None,
) -> Starlette:
    """Build the app. ``connection`` defaults to NEO4J_URI; the CLI passes the embedded one,
    and ``store_state`` (``running``, ``restarting``, ``down``) for the store it supervises."""
    state = AppState(settings=settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        target = connection or connection_for(settings)
        state.store = open_store(
            target.uri, target.user, target.password, target.database, settings.query_timeout
        )
        try:
            # Change-event broker, webhook worker, challenge and alert evaluation
            # live as long as the app.
            async with (
                events_running(settings, state.store) as state.events,
                metrics.serving(settings, state.store, _probe),
                challenges_watching(state.events),
                alerts_running(state.store),
            ):
                yield
        finally:
            state.events = None
            await state.store.close()
            state.store = None

    async def health(request: Request) -> Response:
        # The header tells the processes of `serve --workers N` apart.
        headers = {WORKER_PID_HEADER: str(os.getpid())}
        if store_state is None:  # nothing supervised here: /ready asks the store itself
            return JSONResponse({"status": "ok"}, headers=headers)
        store = store_state()
        if store != "running":
            return JSONResponse({"status": "unavailable", "store": store}, 503, headers=headers)
        return JSONResponse({"status": "ok", "store": store}, headers=headers)

    async def ready(request: Request) -> Response:
        if state.store is None:
            return JSONResponse({"status": "unavailable", "reason": "store not open"}, 503)
        try:
            # Bounded: a store that accepts sockets but never answers must not hang probes.
            await asyncio.wait_for(_probe(state.store), READY_QUERY_TIMEOUT)
        except TimeoutError:
            reason = f"graph store did not answer within {READY_QUERY_TIMEOUT:.0f}s"
            return JSONResponse({"status": "unavailable", "reason": reason}, 503)
        except Exception as exc:  # any failure means "not ready"; say why, on one line
            reason = " ".join(f"graph store unreachable: {exc}".split())
            return JSONResponse({"status": "unavailable", "reason": reason}, 503)
        return JSONResponse({"status": "ready"})

    tracer_provider = tracing.provider_for(settings)
    graphql = GraphQLApp(
        state,
        schema=build_schema(settings, tracer_provider),
        graphql_ide="graphiql" if settings.graphiql else None,
    )
    routes = [
        Route("/health", health),
        Route("/ready", ready),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        *(ide.routes() if settings.graphiql else []),
        *embed_routes(settings, lambda: state.store),
        *report_routes(settings, lambda: state.store, graphql.schema),
    ]
    if settings.metrics:  # off unless configured (GRAPH_API_METRICS, or its own port)
        routes.append(Route("/metrics", metrics.endpoint(lambda: state.store, _probe)))
    middleware = security_middleware(settings)
    if settings.log_format == "json":  # outermost: it sees every request's final status
        middleware.insert(0, Middleware(RequestLog))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.router.routes.append(_websocket_route(graphql))
    app.state.graph = state
    tracing.instrument(app, tracer_provider)
    return app


def _written_bookmark() -> str | None:
    consistency = current_consistency()
    if consistency is None or consistency.latest is None:
        return None
    return bookmarks.render(consistency.latest)


def _json_error(status: int, message: str, code: str, request_id: str) -> Response:
    return Response(
        error_body(message, code, requestId=request_id), status, media_type="application/json"
    )


async def _probe(store: Store) -> None:
    """One auto-commit query: unlike managed transactions it is not retried for 30 s."""
    async with store.driver.session(database=store.database) as session:
        result = await session.run("RETURN 1 AS ok")
        await result.consume()


def _websocket_route(graphql: GraphQLApp) -> Any:
    from starlette.routing import WebSocketRoute

    return WebSocketRoute("/graphql", graphql)
