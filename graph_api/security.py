"""The endpoint's guard rails, wired in one place.

- :class:`SecurityMiddleware` (ASGI) gives every request an id (kept in the
  scope's state), authenticates ``/graphql`` (HTTP and the WebSocket handshake)
  when auth is configured, putting the verified principal where Starlette keeps
  the user (``scope["user"]``, read with ``context.principal_of``), caps
  request bodies (413), and refuses batched operation arrays (400). Rejections
  are JSON bodies in the GraphQL error shape, with nothing else; so are
  Strawberry's own plain-text refusals (malformed JSON, no query, a mutation
  over GET).
- Schema extensions for the same guard rails: masking of unexpected errors
  (logged with the request id), no operation on a WebSocket before its token,
  no mutation with an embed token. graph_api/extensions.py puts them in order
  with the query limits (graph_api/limits.py) and scope resolution
  (graph_api/scope.py).
- :func:`middleware` puts CORS (an explicit allowlist) outside all of that, so
  preflights and rejections both carry the right headers.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs

from graphql import GraphQLError
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.types.graphql import OperationType

from graph_api import authz, bookmarks, ide
from graph_api.auth import AuthError, Verifier, bearer, verifier_for
from graph_api.config import Settings
from graph_api.context import Principal, RequestContext
from graph_api.errors import LimitExceeded, Unauthenticated, is_unexpected

log = logging.getLogger("graph_api.security")
GRAPHQL_PATH = "/graphql"
REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
INTERNAL_ERROR = "Internal server error"


def request_id_from(headers: dict[str, str]) -> str:
    """The caller's X-Request-Id when it is a sane token, else a fresh one."""
    given = headers.get(REQUEST_ID_HEADER, "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _count(scope: Scope, name: bytes) -> int:
    return sum(1 for key, _ in scope.get("headers", []) if key.lower() == name)


def error_body(message: str, code: str, **extensions: Any) -> bytes:
    return json.dumps(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code, **extensions}}]}
    ).encode()


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings, verifier: Verifier | None = None) -> None:
        self.app = app
        self.settings = settings
        self.verifier = verifier

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        request_id = request_id_from(headers)
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        # _headers keeps the last of repeated headers: credentials must not be ambiguous.
        ambiguous = _count(scope, b"authorization") > 1
        if scope["type"] == "websocket":
            if ambiguous:
                await send({"type": "websocket.close", "code": 4400})
                return
            await self._websocket(scope, receive, send, headers)
            return

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (REQUEST_ID_HEADER.encode(), request_id.encode()),
                ]
            await send(message)

        if scope.get("path") != GRAPHQL_PATH:
            await self.app(scope, receive, send_with_id)
            return
        if ambiguous:
            message = "send one Authorization header; this request has more than one"
            await _reply(
                send_with_id, 400, error_body(message, "BAD_REQUEST", requestId=request_id)
            )
            return
        reply = _json_refusals(send_with_id, request_id)
        if self.verifier is not None and not self._ide_page(scope, headers):
            try:
                scope["user"] = self.verifier.principal(bearer(headers.get("authorization")))
            except AuthError as exc:
                await _reply(
                    reply,
                    401,
                    error_body(
                        exc.message, "UNAUTHENTICATED", reason=exc.reason, requestId=request_id
                    ),
                    [(b"www-authenticate", b'Bearer error="invalid_token"')],
                )
                return
        if scope.get("method") != "POST":
            await self.app(scope, receive, reply)
            return
        body = await self._read_body(scope, receive, headers)
        if body is None:
            cap = self.settings.max_body_bytes
            await _reply(
                reply,
                413,
                error_body(
                    f"the request body is larger than {cap} bytes",
                    LimitExceeded.code,
                    limit="body_size",
                    maximum=cap,
                    requestId=request_id,
                ),
            )
            return
        if body.lstrip()[:1] == b"[":
            await _reply(
                reply,
                400,
                error_body(
                    "batched operations are not accepted: send one operation per request",
                    LimitExceeded.code,
                    limit="batch",
                    maximum=1,
                    requestId=request_id,
                ),
            )
            return
        if body.lstrip()[:1] != b"{":  # a JSON string, number or null is no operation
            await _reply(
                send_with_id,
                400,
                error_body(
                    'the request body must be a JSON object: {"query": ..., "variables": ...}',
                    "BAD_REQUEST",
                    requestId=request_id,
                ),
            )
            return
        await self.app(scope, _replay(body), reply)

    def _ide_page(self, scope: Scope, headers: dict[str, str]) -> bool:
        """GraphiQL's page loads without a token (it holds no data), query string or not."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        accept = headers.get("accept", "")
        return ide.wants_page(self.settings, scope.get("method", ""), accept, "query" in query)

    async def _read_body(
        self, scope: Scope, receive: Receive, headers: dict[str, str]
    ) -> bytes | None:
        """The whole body, or None once it exceeds the cap (the rest is not read)."""
        cap = self.settings.max_body_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            return None
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    async def _websocket(
        self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]
    ) -> None:
        # Browsers cannot set headers on a WebSocket: a token may come in the
        # Authorization header here or in the connection_init payload (checked
        # in the GraphQL app's on_ws_connect).
        if self.verifier is not None and headers.get("authorization"):
            try:
                scope["user"] = self.verifier.principal(bearer(headers["authorization"]))
            except AuthError:
                await send({"type": "websocket.close", "code": 4401})
                return
        await self.app(scope, receive, send)


async def _reply(
    send: Send, status: int, body: bytes, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(extra or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# extensions.code for Strawberry's plain-text refusals, by status.
_REFUSAL_CODES = {
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}


def _json_refusals(send: Send, request_id: str) -> Send:
    """Rewrite a plain-text 4xx answer (Strawberry's own refusals) as a JSON error body."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def wrapped(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start" and 400 <= message["status"] < 500:
            content_type = dict(message.get("headers", [])).get(b"content-type", b"")
            if content_type.startswith(b"text/plain"):
                start = message
                return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        status = start["status"]
        reason = b"".join(chunks).decode("utf-8", "replace")
        body = error_body(reason, _REFUSAL_CODES.get(status, "BAD_REQUEST"), requestId=request_id)
        headers = [
            (k, v)
            for k, v in start.get("headers", [])
            if k.lower() not in (b"content-type", b"content-length")
        ]
        await send(
            {
                **start,
                "headers": [
                    *headers,
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    return wrapped


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def websocket_principal(verifier: Verifier, params: Any) -> Principal:
    """The principal of a connection_init payload: ``{"Authorization": "Bearer ..."}``
    (any case) or ``{"token": "..."}``."""
    if not isinstance(params, dict):
        raise AuthError("missing", "connection_init needs an Authorization bearer token")
    lowered = {str(k).lower(): v for k, v in params.items()}
    if isinstance(lowered.get("token"), str):
        return verifier.principal(lowered["token"])
    auth = lowered.get("authorization")
    return verifier.principal(bearer(auth if isinstance(auth, str) else None))


# --- schema extensions ------------------------------------------------------------


class MaskUnexpected(MaskErrors):
    """Client errors (typed GraphQL errors) pass; anything unexpected becomes a generic
    message carrying the request id, and is logged in full with that id. Errors that
    reach the client without a code (bad variables, say) get BAD_USER_INPUT."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message=INTERNAL_ERROR)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            if not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), "code": "BAD_USER_INPUT"}
        return processed

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        ctx = self.execution_context.context
        request_id = ctx.request_id if isinstance(ctx, RequestContext) else ""
        log.error(
            "unexpected error [request %s] at %s: %s",
            request_id,
            error.path,
            error.message,
            exc_info=error.original_error,
        )
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
        return masked


class RequireAuthentication(SchemaExtension):
    """A WebSocket operation before a valid connection_init gets nothing."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context.context
        if isinstance(ctx, RequestContext) and ctx.unauthenticated:
            raise_unauthenticated()
        yield


class ReadOnlyTokens(SchemaExtension):
    """Embed tokens (``embed: true``) read; any mutation with one is FORBIDDEN."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context.context
        # Only a read-only principal's operation type matters; others skip looking it up.
        if isinstance(ctx, RequestContext) and ctx.principal.read_only:
            mutation = self.execution_context.operation_type is OperationType.MUTATION
            authz.check_operation(ctx.principal, mutation)
        yield


def raise_unauthenticated() -> None:
    raise Unauthenticated("authentication required")


def middleware(settings: Settings) -> list[Middleware]:
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type", REQUEST_ID_HEADER, bookmarks.HEADER],
            expose_headers=[REQUEST_ID_HEADER, bookmarks.HEADER],
            max_age=600,
        ),
        Middleware(SecurityMiddleware, settings=settings, verifier=verifier_for(settings)),
    ]
