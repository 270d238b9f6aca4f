"""The Starlette app: GraphQL at /graphql, liveness at /health, readiness at /ready."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, cast

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET, UnsetType

from graph_api.auth import AuthError, verifier_for
from graph_api.config import Settings
from graph_api.context import ANONYMOUS, RequestContext
from graph_api.embedded import Connection
from graph_api.events.hub import running as events_running
from graph_api.schema import build_schema
from graph_api.security import middleware as security_middleware
from graph_api.security import schema_extensions, websocket_principal
from graph_api.store import Store, open_store, request_counter, request_deadline

log = logging.getLogger("graph_api")
READY_QUERY_TIMEOUT = 3.0


@dataclass
class AppState:
    settings: Settings
    store: Store | None = None


def connection_for(settings: Settings) -> Connection:
    assert settings.neo4j_uri is not None
    return Connection(
        uri=settings.neo4j_uri,
        user=settings.neo4j_user,
        password=settings.neo4j_password,
        database=settings.neo4j_database,
    )


class GraphQLApp(GraphQL[RequestContext, None]):
    def __init__(self, state: AppState, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.state = state
        self.verifier = verifier_for(state.settings)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> RequestContext:
        store = self.state.store
        if store is None:  # lifespan not started; nothing can be served
            raise RuntimeError("the store is not open")
        state = request.scope.get("state") or {}
        principal = state.get("principal")
        if isinstance(request, Request):  # a subscription's socket may stay open for days
            request_deadline(self.state.settings.query_timeout)
        ctx = RequestContext(
            store=store,
            principal=principal or ANONYMOUS,
            request_id=state.get("request_id") or uuid.uuid4().hex,
            round_trips=request_counter(),
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
            # Change-event broker and webhook worker live as long as the app.
            async with events_running(settings, state.store):
                yield
        finally:
            await state.store.close()
            state.store = None

    async def health(request: Request) -> Response:
        if store_state is None:  # nothing supervised here: /ready asks the store itself
            return JSONResponse({"status": "ok"})
        store = store_state()
        if store != "running":
            return JSONResponse({"status": "unavailable", "store": store}, 503)
        return JSONResponse({"status": "ok", "store": store})

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

    graphql = GraphQLApp(
        state,
        schema=build_schema(schema_extensions(settings)),
        graphql_ide="graphiql" if settings.graphiql else None,
    )
    routes = [
        Route("/health", health),
        Route("/ready", ready),
        Route("/graphql", graphql, methods=["GET", "POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, middleware=security_middleware(settings))
    app.router.routes.append(_websocket_route(graphql))
    app.state.graph = state
    return app


async def _probe(store: Store) -> None:
    """One auto-commit query: unlike managed transactions it is not retried for 30 s."""
    async with store.driver.session(database=store.database) as session:
        result = await session.run("RETURN 1 AS ok")
        await result.consume()


def _websocket_route(graphql: GraphQLApp) -> Any:
    from starlette.routing import WebSocketRoute

    return WebSocketRoute("/graphql", graphql)
