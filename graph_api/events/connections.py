"""A subscription connection lives no longer than the token that opened it.

A token is checked once, when a WebSocket connects (the ``Authorization``
header of the upgrade or the ``connection_init`` payload); without this a
subscription would stream for as long as the socket stays open. At the
token's ``exp`` the connection's operations stop and the socket closes with
``4401`` and the reason ``token expired``; the client reconnects with a fresh
token and resumes with ``afterSequence``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage

from graph_api import metrics
from graph_api.context import RequestContext

TOKEN_EXPIRED_CODE = 4401
TOKEN_EXPIRED_REASON = "token expired"


class TokenBoundHandler(BaseGraphQLTransportWSHandler[RequestContext, None]):
    """``graphql-transport-ws``, closed when the connection's token expires."""

    _expiry: asyncio.Task[None] | None = None

    async def handle(self) -> None:
        with metrics.socket_open(self):  # connection and subscription gauges
            await super().handle()

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        expires_at = self.context.principal.expires_at
        if self.connection_acknowledged and expires_at is not None and self._expiry is None:
            self._expiry = asyncio.create_task(self._close_at(expires_at))

    async def _close_at(self, expires_at: float) -> None:
        await asyncio.sleep(max(0.0, expires_at - time.time()))
        # Stop every operation first, so none sends another event after the deadline.
        tasks = [op.task for op in self.operations.values() if op.task]
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        for task in tasks:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await task
        await self.websocket.close(code=TOKEN_EXPIRED_CODE, reason=TOKEN_EXPIRED_REASON)

    async def shutdown(self) -> None:
        expiry = self._expiry
        if expiry is not None and expiry is not asyncio.current_task() and not expiry.done():
            expiry.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await expiry
        await super().shutdown()
