"""Prometheus metrics, served at ``/metrics`` only when configured.

``GRAPH_API_METRICS=on`` adds ``/metrics`` to the API's own port;
``GRAPH_API_METRICS_PORT`` serves it on a port of its own (on
``GRAPH_API_HOST``), so it can stay off the public listener.

Labels never carry data: statement labels are ``cypher/`` file names, root
fields are the schema's own field names, error labels are server-chosen codes,
and operation names (chosen by clients) are kept only when they are plain
GraphQL names of up to 64 characters, and only the first
``MAX_OPERATION_NAMES`` distinct ones; every other name counts as ``other``, so
a client cannot grow the number of series without bound. Operation names are
labels: clients must not put data in them.

Recording is always on and cheap; only exposure is configured. With
``serve --workers N`` each worker keeps its own numbers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, get_operation_ast
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from graph_api import logs
from graph_api.cypher import named
from graph_api.values import as_datetime

if TYPE_CHECKING:
    from graph_api.config import Settings
    from graph_api.store import Store

log = logging.getLogger("graph_api.metrics")

MAX_OPERATION_NAMES = 100
_OPERATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_ERROR_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,47}")
REFRESH_TIMEOUT = 3.0  # seconds a scrape waits on the store for readiness and the outbox

OPERATION_SECONDS = Histogram(
    "graph_api_graphql_operation_duration_seconds",
    "GraphQL operations by type and (normalised) operation name",
    ["operation_type", "operation_name"],
)
ROOT_FIELD_SECONDS = Histogram(
    "graph_api_graphql_root_field_duration_seconds",
    "Duration of the GraphQL operations that selected each root field",
    ["root_field"],
)
ERRORS = Counter(
    "graph_api_graphql_errors", "Errors returned to callers, by extensions.code", ["code"]
)
WEBSOCKETS = Gauge("graph_api_websocket_connections", "Open GraphQL WebSocket connections")
SUBSCRIPTIONS = Gauge(
    "graph_api_active_subscriptions", "Operations running on open WebSocket connections"
)
IMPORT_ROWS = Counter(
    "graph_api_import_rows", "Import rows handled in this process, by outcome", ["outcome"]
)
STORE_READY = Gauge("graph_api_store_ready", "1 when a Cypher query succeeded at the last scrape")
OUTBOX_DEPTH = Gauge(
    "graph_api_webhook_outbox_depth", "Change events active webhook endpoints have yet to receive"
)
OUTBOX_AGE = Gauge(
    "graph_api_webhook_outbox_oldest_pending_age_seconds",
    "Age of the oldest change event an active endpoint has yet to receive (0: none)",
)
OUTBOX_RETRYING = Gauge(
    "graph_api_webhook_deliveries_awaiting_retry",
    "Webhook deliveries that wait to be retried",
)
OUTBOX_DEAD = Gauge("graph_api_webhook_dead_letters", "Webhook deliveries given up (dead letters)")

OUTBOX = named("queries/metrics_webhook_outbox")

_operation_names: set[str] = set()
_operation_names_lock = threading.Lock()
_sockets: set[Any] = set()  # live graphql-transport-ws handlers (their .operations)
SUBSCRIPTIONS.set_function(lambda: sum(len(h.operations) for h in list(_sockets)))


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    if not _OPERATION_NAME.fullmatch(name):
        return "other"
    with _operation_names_lock:
        if name not in _operation_names:
            if len(_operation_names) >= MAX_OPERATION_NAMES:
                return "other"
            _operation_names.add(name)
    return name


def error_code(code: object) -> str:
    text = str(code) if code else ""
    return text if _ERROR_CODE.fullmatch(text) else "OTHER"


def count_error(code: object) -> None:
    ERRORS.labels(error_code(code)).inc()


def count_import(accepted: int, rejected: int) -> None:
    IMPORT_ROWS.labels("accepted").inc(accepted)
    IMPORT_ROWS.labels("rejected").inc(rejected)


@contextlib.contextmanager
def socket_open(handler: Any) -> Iterator[None]:
    """A WebSocket connection's lifetime; its ``operations`` count as subscriptions."""
    WEBSOCKETS.inc()
    _sockets.add(handler)
    try:
        yield
    finally:
        _sockets.discard(handler)
        WEBSOCKETS.dec()


class OperationMetrics(SchemaExtension):
    """Times each GraphQL operation and counts the errors it returns."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        ctx = self.execution_context
        document = ctx.graphql_document
        operation = get_operation_ast(document, ctx.operation_name) if document else None
        raw_name = operation.name.value if operation and operation.name else None
        if operation is None:
            kind, name = "invalid", "invalid"
            fields: list[str] = []
        else:
            kind = operation.operation.value
            name = operation_label(raw_name)
            fields = _root_fields(ctx.schema, kind, operation)
        OPERATION_SECONDS.labels(kind, name).observe(elapsed)
        for field in fields:
            ROOT_FIELD_SECONDS.labels(field).observe(elapsed)
        # The result repeats the parse and validation errors, when there is one.
        result_errors = ctx.result.errors if ctx.result is not None else None
        errors: list[GraphQLError] = list(result_errors or ctx.pre_execution_errors or [])
        codes = [error_code((error.extensions or {}).get("code")) for error in errors]
        for code in codes:
            ERRORS.labels(code).inc()
        logs.note_operation(kind, raw_name, codes)  # for the request's JSON log line


def _root_fields(schema: Any, kind: str, operation: OperationDefinitionNode) -> list[str]:
    """``Query.partners``-style names of the operation's root fields that the schema has."""
    root = getattr(schema._schema, f"{kind}_type", None)
    if root is None:
        return []
    names = {
        f"{root.name}.{node.name.value}"
        for node in operation.selection_set.selections
        if isinstance(node, FieldNode) and node.name.value in root.fields
    }
    return sorted(names)


# --- exposure ----------------------------------------------------------------------------


async def refresh(store: Store | None, probe: Callable[[Store], Awaitable[None]]) -> None:
    """Read the store's readiness and the webhook outbox into their gauges."""
    if store is None:
        STORE_READY.set(0)
        return
    try:
        await asyncio.wait_for(probe(store), REFRESH_TIMEOUT)
    except Exception:  # not ready: the gauge says so; /ready gives the reason
        STORE_READY.set(0)
        return
    STORE_READY.set(1)
    try:
        row = await asyncio.wait_for(store.read_one(OUTBOX), REFRESH_TIMEOUT)
    except Exception as exc:
        log.warning("metrics: cannot read the webhook outbox: %s", " ".join(str(exc).split()))
        return
    row = row or {}
    OUTBOX_DEPTH.set(int(row.get("depth") or 0))
    OUTBOX_RETRYING.set(int(row.get("retrying") or 0))
    OUTBOX_DEAD.set(int(row.get("dead") or 0))
    oldest = as_datetime(row.get("oldestPendingAt"))
    if oldest is None:
        OUTBOX_AGE.set(0)
    else:
        OUTBOX_AGE.set(max(0.0, (datetime.now(UTC) - oldest).total_seconds()))


def endpoint(
    store: Callable[[], Store | None], probe: Callable[[Store], Awaitable[None]]
) -> Callable[[Request], Awaitable[Response]]:
    """The ``/metrics`` route of the API's own port."""

    async def metrics(request: Request) -> Response:
        await refresh(store(), probe)
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return metrics


@contextlib.asynccontextmanager
async def serving(
    settings: Settings, store: Store, probe: Callable[[Store], Awaitable[None]]
) -> AsyncIterator[None]:
    """Serve ``/metrics`` on GRAPH_API_METRICS_PORT, when set, for the app's life."""
    if not settings.metrics_port:
        yield
        return
    loop = asyncio.get_running_loop()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.split("?", 1)[0] != "/metrics":
                self._answer(404, b'{"error": "not found"}', "application/json")
                return
            # The store is the app's, on its loop; a scrape waits for it there.
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(refresh(store, probe), loop).result(
                    REFRESH_TIMEOUT * 3
                )
            self._answer(200, generate_latest(), CONTENT_TYPE_LATEST)

        def _answer(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # scrapes are not news
            pass

    server = ThreadingHTTPServer((settings.host, settings.metrics_port), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="metrics", daemon=True)
    thread.start()
    log.info("metrics on http://%s:%s/metrics", settings.host, server.server_address[1])
    try:
        yield
    finally:
        await asyncio.to_thread(server.shutdown)
        server.server_close()
