"""The bench's HTTP client, and the percentiles of its timings."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

import httptools


class HttpClient:
    """One keep-alive HTTP/1.1 connection for the timed requests.

    httpx spent about 2.5 ms of CPU per request here, more than the endpoint's
    own fixed cost, and this process also runs the server (one GIL): timing
    through it measured the client library. This writes each request whole and
    parses the answer with httptools, the parser uvicorn serves with.
    """

    def __init__(self, url: str, headers: dict[str, str], timeout: float = 300) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.timeout = timeout
        lines = [f"Host: {self.host}:{self.port}", "Content-Type: application/json"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        self.head = f"POST {parts.path or '/'} HTTP/1.1\r\n" + "".join(f"{x}\r\n" for x in lines)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post_json(
        self, payload: dict[str, Any], headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        body = json.dumps(payload).encode()
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        writer.write(f"{self.head}{extra}Content-Length: {len(body)}\r\n\r\n".encode() + body)
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        async with asyncio.timeout(self.timeout):
            while not answer.complete:
                data = await reader.read(65536)
                if not data:
                    raise ConnectionError("the server closed the connection")
                parser.feed_data(data)
        if not parser.should_keep_alive():
            await self.aclose()
        return parser.get_status_code(), json.loads(b"".join(answer.body))

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self.streams is not None:
            writer = self.streams[1]
            self.streams = None
            writer.close()
            await writer.wait_closed()


class _Answer:
    """httptools callbacks: collects one response body."""

    def __init__(self) -> None:
        self.body: list[bytes] = []
        self.complete = False

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.complete = True


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by nearest rank; 0 for none."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]
