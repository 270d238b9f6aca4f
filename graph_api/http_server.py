"""The uvicorn configuration ``serve`` runs the app with (and the tests' live server).

uvicorn's httptools parser buffers a request's line and headers without bound
(an 8 MB header was read whole); only its h11 parser honours
``h11_max_incomplete_event_size``. :class:`BoundedHeadersProtocol` applies
that same setting to httptools: a head that grows past it is answered
``431`` with a JSON error and the connection closed, before the rest is read.
"""

from __future__ import annotations

from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from graph_api.config import DEFAULT_MAX_HEADER_BYTES, Settings
from graph_api.errors import LimitExceeded
from graph_api.logs import uvicorn_options
from graph_api.security import error_body


def server_config(
    app: Any, settings: Settings, host: str, port: int, **kwargs: Any
) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=BoundedHeadersProtocol,
        h11_max_incomplete_event_size=settings.max_header_bytes,
        **{**uvicorn_options(settings.log_format), **kwargs},
    )


class BoundedHeadersProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = self.config.h11_max_incomplete_event_size
        # server_config always sets it; the default is for a Config built elsewhere.
        self.max_head_bytes = limit if limit is not None else DEFAULT_MAX_HEADER_BYTES
        self.head_bytes: int | None = None  # bytes received of an unfinished head
        self.refused = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.head_bytes = 0

    def on_headers_complete(self) -> None:
        self.head_bytes = None
        # A head that arrived whole in one chunk is measured as parsed.
        parsed = len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)
        self.refused = self.refused or parsed > self.max_head_bytes
        if not self.refused:
            super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self.refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self.refused:
            super().on_message_complete()

    def handle_websocket_upgrade(self) -> None:
        if not self.refused:
            super().handle_websocket_upgrade()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.transport.is_closing():
            return
        if self.head_bytes is not None:  # still inside a head: the parser holds all of it
            self.head_bytes += len(data)
            self.refused = self.refused or self.head_bytes > self.max_head_bytes
        if self.refused:
            self._refuse()

    def _refuse(self) -> None:
        limit = self.max_head_bytes
        self.logger.warning("refused a request whose headers exceed %d bytes", limit)
        body = error_body(
            f"the request line and headers are larger than {limit} bytes",
            LimitExceeded.code,
            limit="header_size",
            maximum=limit,
        )
        head = (
            b"content-type: application/json\r\n"
            + b"content-length: %d\r\n" % len(body)
            + b"connection: close\r\n\r\n"
        )
        self.transport.write(STATUS_LINE[431] + head + body)
        self.transport.close()
