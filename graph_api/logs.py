"""Log output: plain text (the development default) or one JSON object per line.

``GRAPH_API_LOG_FORMAT=json`` makes every log record a JSON line (uvicorn's
included) and adds one line per HTTP request on ``graph_api.access``, written
by :class:`RequestLog` once the response is sent: request id, method, path,
HTTP status, operation type and name, duration, Cypher round trips, the
caller's role (and partner id for partner tokens) and the outcome. Query text
and variables are never logged; they may hold data.
"""

from __future__ import annotations

import contextvars
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_api.context import principal_of, request_id_of
from graph_api.round_trips import current_counter

access = logging.getLogger("graph_api.access")
MAX_OPERATION_NAME = 100
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """A record as one JSON line; ``extra`` fields become top-level keys."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def uvicorn_options(log_format: str) -> dict[str, Any]:
    """uvicorn settings for a log format: JSON replaces its text handlers and access log."""
    if log_format != "json":
        return {}
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "access_log": False,  # RequestLog writes the per-request line
        "log_config": {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
            "handlers": {"default": handler},
            "root": {"handlers": ["default"], "level": "INFO"},
            "loggers": {
                name: {"handlers": [], "propagate": True}
                for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
            },
        },
    }


@dataclass
class RequestRecord:
    """What the GraphQL layer learns about a request, for its log line."""

    operation_type: str | None = None
    operation_name: str | None = None
    error_codes: list[str] = field(default_factory=list)


_record: contextvars.ContextVar[RequestRecord | None] = contextvars.ContextVar(
    "graph_api_request_record", default=None
)


def note_operation(kind: str, name: str | None, codes: list[str]) -> None:
    """Called by the operation extension; a no-op outside a logged request."""
    record = _record.get()
    if record is not None:
        record.operation_type = kind
        record.operation_name = name[:MAX_OPERATION_NAME] if name else None
        record.error_codes = codes


class RequestLog:
    """ASGI middleware: one ``graph_api.access`` line per HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record = RequestRecord()
        token = _record.set(record)
        before = current_counter()
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            _record.reset(token)
            counter = current_counter()
            trips = counter.count if counter is not None and counter is not before else 0
            principal = principal_of(scope)
            fields: dict[str, Any] = {
                "requestId": request_id_of(scope) or "",
                "method": scope.get("method"),
                "path": scope.get("path"),
                "status": status,
                "operationType": record.operation_type,
                "operationName": record.operation_name,
                "durationMs": round((time.perf_counter() - started) * 1000, 2),
                "cypherRoundTrips": trips,
                "role": principal.role if principal is not None else "anonymous",
                "outcome": _outcome(status, record.error_codes),
            }
            if principal is not None and principal.partner_id is not None:
                fields["partnerId"] = principal.partner_id
            if record.error_codes:
                fields["errorCodes"] = record.error_codes
            access.info("request", extra=fields)


def _outcome(status: int, codes: list[str]) -> str:
    if status >= 500:
        return "failed"
    if status >= 400:
        return "refused"
    return "error" if codes else "ok"
